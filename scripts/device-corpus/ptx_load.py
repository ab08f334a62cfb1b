"""Load PTX through CuPy (RawModule) or PyTorch (torch.cuda._utils._cuda_load_module), then launch.
Usage: python3 ptx_load.py cupy|torch <file.ptx>"""
import sys

variant, path = sys.argv[1], sys.argv[2]
print(f"[ptx_load.py] variant={variant} ptx={path}")
ptx = open(path).read()

if variant == "cupy":
    import cupy as cp

    print(f"cupy {cp.__version__}, driver {cp.cuda.runtime.driverGetVersion()}, runtime {cp.cuda.runtime.runtimeGetVersion()}")
    mod = cp.RawModule(path=path)
    kernel = mod.get_function("rms_norm_kernel")
    x = cp.ones((16, 4096), dtype=cp.float32)
    w = cp.ones(4096, dtype=cp.float32)
    out = cp.empty_like(x)
    kernel((16,), (256,), (out, x, w, cp.int32(4096), cp.float32(1e-6)))
    cp.cuda.Device().synchronize()
    print("ok", float(out.sum()))
else:
    import torch
    from torch.cuda._utils import _cuda_load_module

    print(f"torch {torch.__version__} (CUDA {torch.version.cuda}) on {torch.cuda.get_device_name(0)}")
    kernels = _cuda_load_module(ptx, ["rms_norm_kernel"])
    print("loaded", kernels)
