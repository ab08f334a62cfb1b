"""other: a device-side assert from PyTorch's own kernels. Usage: python3 device_assert.py index|embedding
  index      advanced indexing with an index past the end
  embedding  token ids past the end of the embedding table (tokenizer larger than the model's vocab)"""
import os
import sys

import torch
import torch.nn.functional as F

variant = sys.argv[1] if len(sys.argv) > 1 else "index"
print(f"[device_assert.py] {os.path.dirname(os.path.abspath(__file__))} variant={variant}; torch {torch.__version__} on {torch.cuda.get_device_name(0)}")
if variant == "index":
    x = torch.randn(1000, 64, device="cuda")
    idx = torch.tensor([0, 5, 999, 1000], device="cuda")
    y = x[idx]
    print(y.sum().item())
else:
    vocab, hidden = 32000, 4096
    table = torch.randn(vocab, hidden, device="cuda", dtype=torch.bfloat16)
    ids = torch.tensor([[1, 415, 2936, 32005, 28723]], device="cuda")
    h = F.embedding(ids, table)
    print(h.float().norm().item())
