"""healthy: warm up a small MLP with a Triton activation kernel, capture it in CUDA graphs for a few
batch sizes, replay and check against eager. Usage: python3 healthy_graph.py"""
import os
import time

import torch
import triton
import triton.language as tl


@triton.jit
def silu_mul_kernel(x_ptr, out_ptr, n, BLOCK: tl.constexpr):
    offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    mask = offs < n
    a = tl.load(x_ptr + offs, mask=mask).to(tl.float32)
    b = tl.load(x_ptr + n + offs, mask=mask).to(tl.float32)
    tl.store(out_ptr + offs, (a * tl.sigmoid(a) * b).to(out_ptr.dtype.element_ty), mask=mask)


def mlp(x, up, down, act):
    h = torch.nn.functional.linear(x, up)
    n = act.numel()
    silu_mul_kernel[(triton.cdiv(n, 1024),)](h, act, n, BLOCK=1024)
    return torch.nn.functional.linear(act, down)


print(f"[healthy_graph.py] {os.path.dirname(os.path.abspath(__file__))}; torch {torch.__version__}, triton {triton.__version__} on {torch.cuda.get_device_name(0)}")
t0 = time.time()
up = torch.randn(2 * 14336, 4096, device="cuda", dtype=torch.bfloat16) * 0.02
down = torch.randn(4096, 14336, device="cuda", dtype=torch.bfloat16) * 0.02
graphs, io = {}, {}
for bs in (1, 8, 32, 128):
    x = torch.randn(bs, 4096, device="cuda", dtype=torch.bfloat16)
    act = torch.empty(bs, 14336, device="cuda", dtype=torch.bfloat16)
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for _ in range(3):
            mlp(x, up, down, act)
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        y = mlp(x, up, down, act)
    graphs[bs], io[bs] = g, (x, act, y)
    print(f"captured CUDA graph for batch size {bs}")
torch.cuda.synchronize()
print(f"graph capturing finished in {time.time() - t0:.2f} s, {torch.cuda.memory_allocated() / 2**20:.0f} MiB allocated")
for bs, g in graphs.items():
    x, act, y = io[bs]
    x.copy_(torch.randn_like(x))
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(100):
        g.replay()
    end.record()
    torch.cuda.synchronize()
    ref = mlp(x, up, down, torch.empty_like(act))
    err = (ref.float() - y.float()).abs().max().item()
    print(f"batch size {bs}: 100 replays, {start.elapsed_time(end) / 100 * 1000:.1f} us each, max |graph - eager| = {err:.3g}")
    assert err < 1e-2, err
print("ready: all graphs replay and match eager")
