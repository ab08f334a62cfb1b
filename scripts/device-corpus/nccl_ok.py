"""healthy: a one-rank torchrun job that creates its NCCL communicator, all-reduces and exits cleanly.
Run: torchrun --nproc-per-node 1 nccl_ok.py"""
import os
from datetime import timedelta

import torch
import torch.distributed as dist

rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
torch.cuda.set_device(rank)
print(f"[nccl_ok.py] rank {rank}/{world} pid {os.getpid()} on {torch.cuda.get_device_name(rank)}, NCCL {'.'.join(map(str, torch.cuda.nccl.version()))}")
dist.init_process_group("nccl", timeout=timedelta(seconds=60), device_id=torch.device(f"cuda:{rank}"))
t = torch.arange(1 << 20, dtype=torch.float32, device="cuda")
for i in range(10):
    dist.all_reduce(t)
torch.cuda.synchronize()
print(f"rank {rank}: 10 all_reduce of {t.numel()} floats ok, t[1] = {t[1].item()}")
dist.barrier()
dist.destroy_process_group()
print(f"rank {rank}: process group destroyed, ready")
