"""nccl: a collective that never completes within the process group's timeout (10 s), so the
ProcessGroupNCCL watchdog fires. One rank; the stream the all_reduce waits on is kept busy by a
long-running kernel (torch.cuda._sleep), as a straggler rank or a hung kernel would.
Run: torchrun --nproc-per-node 1 nccl_timeout.py"""
import os
import time
from datetime import timedelta

import torch
import torch.distributed as dist

rank = int(os.environ["RANK"])
torch.cuda.set_device(rank)
print(f"[nccl_timeout.py] rank {rank} pid {os.getpid()} on {torch.cuda.get_device_name(rank)}, timeout 10 s")
dist.init_process_group("nccl", timeout=timedelta(seconds=10), device_id=torch.device(f"cuda:{rank}"))
t = torch.ones(1024, device="cuda")
dist.all_reduce(t)
torch.cuda.synchronize()
print(f"rank {rank}: warm-up all_reduce ok ({t[0].item()})")
torch.cuda._sleep(40_000_000_000)  # ~20 s at 2 GHz
start = time.time()
dist.all_reduce(t)
print(f"rank {rank}: all_reduce enqueued behind a busy stream, waiting")
torch.cuda.synchronize()
print(f"rank {rank}: finished after {time.time() - start:.1f} s")
dist.destroy_process_group()
