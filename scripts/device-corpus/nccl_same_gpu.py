"""nccl: every rank of a torchrun job binds cuda:0 (a wrong CUDA_VISIBLE_DEVICES / local-rank
mapping), so NCCL sees the same GPU twice when the communicator is created.
Run: torchrun --nproc-per-node 2 nccl_same_gpu.py [lazy|eager]
  lazy   init_process_group, then the first all_reduce creates the NCCL communicator
  eager  init_process_group(device_id=cuda:0) creates it at once"""
import os
import sys
from datetime import timedelta

import torch
import torch.distributed as dist

mode = sys.argv[1] if len(sys.argv) > 1 else "lazy"
rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
print(f"[nccl_same_gpu.py] rank {rank}/{world} pid {os.getpid()} mode={mode}: binding cuda:0 ({torch.cuda.get_device_name(0)})")
torch.cuda.set_device(0)
kw = {"device_id": torch.device("cuda:0")} if mode == "eager" else {}
dist.init_process_group("nccl", timeout=timedelta(seconds=60), **kw)
print(f"rank {rank}: process group ready, all_reduce")
t = torch.full((1024,), float(rank + 1), device="cuda:0")
dist.all_reduce(t)
torch.cuda.synchronize()
print(f"rank {rank}: all_reduce -> {t[0].item()}")
dist.destroy_process_group()
