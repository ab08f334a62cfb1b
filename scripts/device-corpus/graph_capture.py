"""graph-capture: failures while a CUDA graph is captured (torch.cuda.graph, capture_error_mode
"global" as engines use it). Usage: python3 graph_capture.py <variant>
  triton-first     a Triton kernel compiled and loaded for the first time inside the capture
                   (run it also with CUDA_MODULE_LOADING=EAGER)
  triton-smem      the same with a matmul kernel that needs more than 48 KiB of shared memory
  compile          a torch.compile'd function called for the first time inside the capture
  triton-autotune  an autotuned Triton kernel benchmarked for the first time inside the capture
  item             a .item() (device-to-host copy and sync) inside the capture
  nonzero          a data-dependent shape (torch.nonzero) inside the capture"""
import os
import sys

import torch
import triton
import triton.language as tl

variant = sys.argv[1] if len(sys.argv) > 1 else "triton-first"
print(f"[graph_capture.py] {os.path.dirname(os.path.abspath(__file__))} variant={variant}; torch {torch.__version__}, triton {triton.__version__} on {torch.cuda.get_device_name(0)}")


@triton.jit
def silu_mul_kernel(x_ptr, out_ptr, n, BLOCK: tl.constexpr):
    offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    mask = offs < n
    a = tl.load(x_ptr + offs, mask=mask).to(tl.float32)
    b = tl.load(x_ptr + n + offs, mask=mask).to(tl.float32)
    tl.store(out_ptr + offs, (a * tl.sigmoid(a) * b).to(out_ptr.dtype.element_ty), mask=mask)


@triton.autotune(configs=[triton.Config({"BLOCK": b}, num_warps=w) for b in (256, 1024) for w in (4, 8)], key=["n"])
@triton.jit
def silu_mul_tuned_kernel(x_ptr, out_ptr, n, BLOCK: tl.constexpr):
    offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    mask = offs < n
    a = tl.load(x_ptr + offs, mask=mask).to(tl.float32)
    b = tl.load(x_ptr + n + offs, mask=mask).to(tl.float32)
    tl.store(out_ptr + offs, (a * tl.sigmoid(a) * b).to(out_ptr.dtype.element_ty), mask=mask)


@triton.jit
def matmul_kernel(a_ptr, b_ptr, c_ptr, M, N, K, BM: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr):
    pm, pn = tl.program_id(0), tl.program_id(1)
    rm = pm * BM + tl.arange(0, BM)
    rn = pn * BN + tl.arange(0, BN)
    rk = tl.arange(0, BK)
    acc = tl.zeros((BM, BN), dtype=tl.float32)
    for k in range(0, K, BK):
        a = tl.load(a_ptr + rm[:, None] * K + (k + rk)[None, :])
        b = tl.load(b_ptr + (k + rk)[:, None] * N + rn[None, :])
        acc += tl.dot(a, b)
    tl.store(c_ptr + rm[:, None] * N + rn[None, :], acc.to(c_ptr.dtype.element_ty))


@torch.compile
def silu_mul_compiled(h):
    d = h.shape[-1] // 2
    return torch.nn.functional.silu(h[:, :d]) * h[:, d:]


def forward(x, out):
    n = out.numel()
    h = torch.nn.functional.linear(x, weight)
    if variant == "triton-first":
        silu_mul_kernel[(triton.cdiv(n, 1024),)](h, out, n, BLOCK=1024)
    elif variant == "triton-autotune":
        silu_mul_tuned_kernel[lambda meta: (triton.cdiv(n, meta["BLOCK"]),)](h, out, n)
    elif variant == "triton-smem":
        a, b = h[:, :4096].contiguous(), weight[:4096, :]
        matmul_kernel[(1, 4096 // 128)](a, b, out, 32, 4096, 4096, BM=32, BN=128, BK=128, num_stages=4, num_warps=4)
    elif variant == "compile":
        out.copy_(silu_mul_compiled(h))
    elif variant == "item":
        if h.abs().max().item() > 1e4:
            h = h.clamp(-1e4, 1e4)
        out.copy_(h[:, : out.shape[1]])
    else:
        nz = torch.nonzero(h > 0)
        out.view(-1)[: nz.shape[0]] = 1
    return out


weight = torch.randn(8192, 4096, device="cuda", dtype=torch.bfloat16)
x = torch.randn(32, 4096, device="cuda", dtype=torch.bfloat16)
out = torch.empty(32, 4096, device="cuda", dtype=torch.bfloat16)
torch.nn.functional.linear(x, weight)  # cuBLAS warm-up only; the step under test runs first in capture
torch.cuda.synchronize()
g = torch.cuda.CUDAGraph()
for bs in (32,):
    print(f"Capturing CUDA graph for batch size {bs}")
    with torch.cuda.graph(g):
        forward(x, out)
g.replay()
torch.cuda.synchronize()
print("captured and replayed", out.float().abs().sum().item())
