"""Triton compile-time failures in user kernels.
Usage: python3 triton_errors.py type-error|arange|shared-memory
  type-error     a bitwise shift on a float tensor (CompilationError)
  arange         tl.arange over a block that is not a power of 2 (CompilationError)
  shared-memory  a matmul tile and pipeline depth that need more shared memory than the H200 has"""
import os
import sys

import torch
import triton
import triton.language as tl

variant = sys.argv[1] if len(sys.argv) > 1 else "type-error"
print(f"[triton_errors.py] {os.path.dirname(os.path.abspath(__file__))} variant={variant}; torch {torch.__version__}, triton {triton.__version__} on {torch.cuda.get_device_name(0)}")


@triton.jit
def scale_kernel(x_ptr, out_ptr, n, BLOCK: tl.constexpr):
    offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    x = tl.load(x_ptr + offs, mask=offs < n)
    y = x << 1
    tl.store(out_ptr + offs, y, mask=offs < n)


@triton.jit
def add_kernel(x_ptr, y_ptr, out_ptr, n, BLOCK: tl.constexpr):
    offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
    mask = offs < n
    tl.store(out_ptr + offs, tl.load(x_ptr + offs, mask=mask) + tl.load(y_ptr + offs, mask=mask), mask=mask)


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
    tl.store(c_ptr + rm[:, None] * N + rn[None, :], acc)


n = 1000
x = torch.randn(n, device="cuda")
out = torch.empty_like(x)
if variant == "type-error":
    scale_kernel[(triton.cdiv(n, 128),)](x, out, n, BLOCK=128)
elif variant == "arange":
    add_kernel[(triton.cdiv(n, 100),)](x, x, out, n, BLOCK=100)
else:
    M = N = K = 1024
    a = torch.randn(M, K, device="cuda", dtype=torch.float32)
    b = torch.randn(K, N, device="cuda", dtype=torch.float32)
    c = torch.empty(M, N, device="cuda", dtype=torch.float32)
    matmul_kernel[(M // 256, N // 256)](a, b, c, M, N, K, BM=256, BN=256, BK=128, num_stages=4, num_warps=8)
torch.cuda.synchronize()
print("done", out[:4].tolist())
