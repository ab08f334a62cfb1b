"""no-kernel-image through Python: CuPy loading an sm_80-only cubin, and a PyTorch C++/CUDA extension
built with TORCH_CUDA_ARCH_LIST=8.0 (sm_80 SASS, no PTX), both on the H200 (sm_90).
Usage: python3 no_kernel_image_py.py cupy|torch-ext"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = "/tmp/device-corpus-build"
os.makedirs(BUILD, exist_ok=True)
variant = sys.argv[1] if len(sys.argv) > 1 else "cupy"
print(f"[no_kernel_image_py] {HERE} variant={variant}")


def cupy_cubin():
    import cupy as cp

    cubin = os.path.join(BUILD, "kernels_sm80.cubin")
    subprocess.run(["nvcc", "-cubin", "-DNO_MAIN", "-gencode", "arch=compute_80,code=sm_80", "-o", cubin, os.path.join(HERE, "kernels.cu")], check=True)
    print(f"cupy {cp.__version__}; device: {cp.cuda.runtime.getDeviceProperties(0)['name'].decode()}; loading {cubin}")
    mod = cp.RawModule(path=cubin)
    kernel = mod.get_function("rms_norm_kernel")
    x = cp.ones((16, 4096), dtype=cp.float32)
    w = cp.ones(4096, dtype=cp.float32)
    out = cp.empty_like(x)
    kernel((16,), (256,), (out, x, w, cp.int32(4096), cp.float32(1e-6)))
    cp.cuda.Device().synchronize()
    print("ok", float(out.sum()))


CPP = "torch::Tensor rms_norm(torch::Tensor x, torch::Tensor w, double eps);"
CU = r"""
#include <torch/extension.h>
#include <c10/cuda/CUDAException.h>
#include <c10/cuda/CUDAStream.h>
__global__ void rms_norm_kernel(float* out, const float* in, const float* weight, int hidden, float eps) {
  const float* row = in + (size_t)blockIdx.x * hidden;
  __shared__ float total;
  if (threadIdx.x == 0) total = 0.f;
  __syncthreads();
  float sum = 0.f;
  for (int i = threadIdx.x; i < hidden; i += blockDim.x) sum += row[i] * row[i];
  atomicAdd(&total, sum);
  __syncthreads();
  float scale = rsqrtf(total / hidden + eps);
  for (int i = threadIdx.x; i < hidden; i += blockDim.x) out[(size_t)blockIdx.x * hidden + i] = row[i] * scale * weight[i];
}
torch::Tensor rms_norm(torch::Tensor x, torch::Tensor w, double eps) {
  auto out = torch::empty_like(x);
  int rows = x.size(0), hidden = x.size(1);
  rms_norm_kernel<<<rows, 256, 0, c10::cuda::getCurrentCUDAStream()>>>(out.data_ptr<float>(), x.data_ptr<float>(), w.data_ptr<float>(), hidden, (float)eps);
  C10_CUDA_KERNEL_LAUNCH_CHECK();
  return out;
}
"""


def torch_ext():
    os.environ["TORCH_CUDA_ARCH_LIST"] = "8.0"
    os.environ.setdefault("MAX_JOBS", "8")
    import torch
    from torch.utils.cpp_extension import load_inline

    print(f"torch {torch.__version__} (CUDA {torch.version.cuda}) on {torch.cuda.get_device_name(0)} sm_{''.join(map(str, torch.cuda.get_device_capability(0)))}; TORCH_CUDA_ARCH_LIST={os.environ['TORCH_CUDA_ARCH_LIST']}")
    ext = load_inline(name="my_custom_ops", cpp_sources=CPP, cuda_sources=CU, functions=["rms_norm"],
                      build_directory=os.path.join(BUILD, "ext") if os.makedirs(os.path.join(BUILD, "ext"), exist_ok=True) is None else None, verbose=True)
    x = torch.randn(16, 4096, device="cuda")
    w = torch.ones(4096, device="cuda")
    out = ext.rms_norm(x, w, 1e-6)
    print("ok", out.sum().item())


{"cupy": cupy_cubin, "torch-ext": torch_ext}[variant]()
