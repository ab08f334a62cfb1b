"""other: a kernel that writes out of bounds (an illegal memory access, a sticky error that every
later CUDA call reports again). Usage: python3 illegal_access.py cupy|triton"""
import os
import sys

variant = sys.argv[1] if len(sys.argv) > 1 else "cupy"
print(f"[illegal_access.py] {os.path.dirname(os.path.abspath(__file__))} variant={variant}")

if variant == "cupy":
    import cupy as cp

    scatter = cp.RawKernel(r"""
extern "C" __global__ void scatter_rows(float* out, const long long* idx, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[idx[i]] = 1.0f;
}""", "scatter_rows")
    out = cp.zeros(1024, dtype=cp.float32)
    idx = cp.arange(1024, dtype=cp.int64)
    idx[7] = 1 << 40  # a corrupt slot mapping
    print(f"cupy {cp.__version__}: scatter of 1024 rows, one index out of range")
    scatter((4,), (256,), (out, idx, cp.int32(1024)))
    try:
        cp.cuda.Device().synchronize()
    finally:
        print("trying to continue: allocating a new array")
        x = cp.ones(16)
        print(float(x.sum()))
else:
    import torch
    import triton
    import triton.language as tl

    @triton.jit
    def copy_blocks_kernel(src_ptr, dst_ptr, mapping_ptr, BLOCK: tl.constexpr):
        pid = tl.program_id(0)
        dst_block = tl.load(mapping_ptr + pid)
        offs = tl.arange(0, BLOCK)
        tl.store(dst_ptr + dst_block * BLOCK + offs, tl.load(src_ptr + pid * BLOCK + offs))

    print(f"torch {torch.__version__}, triton {triton.__version__} on {torch.cuda.get_device_name(0)}")
    src = torch.randn(64 * 256, device="cuda")
    dst = torch.zeros(64 * 256, device="cuda")
    mapping = torch.arange(64, device="cuda")
    mapping[3] = 1 << 34  # block table entry past the end of the cache
    copy_blocks_kernel[(64,)](src, dst, mapping, BLOCK=256)
    print("kernel launched, synchronizing")
    try:
        torch.cuda.synchronize()
    finally:
        print("trying to continue: a new tensor")
        print(torch.ones(4, device="cuda").sum().item())
