"""oom: running out of GPU memory on the H200 the ways an inference engine does.
Usage: python3 oom.py single|kv-cache|cupy|cublas
  single    one allocation larger than the card (torch.OutOfMemoryError)
  kv-cache  "weights" loaded, then a per-layer KV-cache preallocation sized for a bigger card
  cupy      the same single allocation through CuPy's memory pool
  cublas    fill the card, then the first matmul has to create its cuBLAS handle and workspace"""
import os
import sys

variant = sys.argv[1] if len(sys.argv) > 1 else "single"
print(f"[oom.py] {os.path.dirname(os.path.abspath(__file__))} variant={variant}")
GiB = 1 << 30


def single():
    import torch

    free, total = torch.cuda.mem_get_info()
    print(f"torch {torch.__version__} on {torch.cuda.get_device_name(0)}: {free / GiB:.2f} GiB free of {total / GiB:.2f} GiB")
    x = torch.empty(200 * GiB, dtype=torch.uint8, device="cuda")
    print("allocated", x.numel())


def kv_cache():
    import torch

    free, total = torch.cuda.mem_get_info()
    print(f"torch {torch.__version__} on {torch.cuda.get_device_name(0)}: {free / GiB:.2f} GiB free of {total / GiB:.2f} GiB")
    # 70B-class model in bf16: 80 layers, 8 KV heads of 128, weights ~131 GiB.
    layers, kv_heads, head_dim, block_size = 80, 8, 128, 16
    weights = [torch.empty(int(1.6 * GiB), dtype=torch.uint8, device="cuda") for _ in range(layers)]
    print(f"loading weights took {sum(w.numel() for w in weights) / GiB:.2f} GiB")
    # Blocks sized from gpu_memory_utilization=0.90 of a 192 GiB card, not of this one.
    budget = int(0.90 * 192 * GiB) - sum(w.numel() for w in weights)
    per_block = 2 * block_size * kv_heads * head_dim * 2 * layers
    num_blocks = budget // per_block
    print(f"# GPU blocks: {num_blocks}, per-layer KV cache {2 * num_blocks * block_size * kv_heads * head_dim * 2 / GiB:.2f} GiB")
    kv = []
    for i in range(layers):
        kv.append(torch.zeros((2, num_blocks, block_size, kv_heads, head_dim), dtype=torch.bfloat16, device="cuda"))
        if i % 8 == 0:
            print(f"allocated KV cache for layer {i}: {torch.cuda.memory_allocated() / GiB:.2f} GiB in use")


def cupy_single():
    import cupy as cp

    free, total = cp.cuda.runtime.memGetInfo()
    print(f"cupy {cp.__version__}: {free / GiB:.2f} GiB free of {total / GiB:.2f} GiB")
    x = cp.empty(200 * GiB, dtype=cp.uint8)
    print("allocated", x.size)


def cublas():
    import torch

    print(f"torch {torch.__version__} on {torch.cuda.get_device_name(0)}")
    a = torch.ones((64, 64), dtype=torch.bfloat16, device="cuda")
    hold, chunk = [], GiB
    while chunk >= (1 << 20):
        try:
            hold.append(torch.empty(chunk, dtype=torch.uint8, device="cuda"))
        except torch.OutOfMemoryError:
            chunk //= 2
    free, total = torch.cuda.mem_get_info()
    print(f"filled the card: {sum(h.numel() for h in hold) / GiB:.2f} GiB held, {free / (1 << 20):.0f} MiB free")
    c = a @ a
    torch.cuda.synchronize()
    print("matmul ok", c.shape)


{"single": single, "kv-cache": kv_cache, "cupy": cupy_single, "cublas": cublas}[variant]()
