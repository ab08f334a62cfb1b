"""Turn the logs that run-all.sh made on the GPU machine into corpus fixtures.

Usage: python3 scripts/device-corpus/to_fixtures.py [--force] DIR [DIR ...]
Each DIR is an unpacked corpus.tgz (DIR/logs/<step>.log, DIR/smi/*); a later DIR wins for a step it
also holds. Each log is copied verbatim under two header lines, `# source:` (the script, so all the
logs of one script land in the same split) and `# decides:` (the first line holding the step's
marker). The nvidia-smi captures go to test/fixtures/nvidia-smi/ as they are. Steps whose log is
missing, or whose marker is not in it (the failure did not reproduce), are reported and skipped."""
import argparse
import os
import shutil
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LOGS = os.path.join(ROOT, "test", "fixtures", "logs")
SMI = os.path.join(ROOT, "test", "fixtures", "nvidia-smi")
SOURCE = "device:h200:scripts/device-corpus/"

# step (run-all.sh) -> (category, slug, script named in # source:, marker of the deciding line)
STEPS = {
    "nki-cpp": ("no-kernel-image", "sm80-only-binary", "no_kernel_image.sh", "cudaErrorNoKernelImageForDevice"),
    "nki-cpp-multi": ("no-kernel-image", "sm86-sm89-sm120-binary", "no_kernel_image.sh", "cudaErrorNoKernelImageForDevice"),
    "nki-cupy": ("no-kernel-image", "cupy-sm80-cubin", "no_kernel_image_py.py", "CUDADriverError"),
    "nki-torch-ext": ("no-kernel-image", "torch-extension-sm80", "no_kernel_image_py.py", "torch.AcceleratorError"),
    "ptx-driver": ("ptx-toolchain", "ptx-isa-9-1-driver-jit", "ptx_toolchain.sh", "cuModuleLoadDataEx failed"),
    "ptx-runtime": ("ptx-toolchain", "ptx-isa-9-1-runtime-library", "ptx_toolchain.sh", "cudaErrorUnsupportedPtxVersion"),
    "ptx-ptxas": ("ptx-toolchain", "ptxas-unsupported-version", "ptx_toolchain.sh", "Unsupported .version"),
    "ptx-cupy": ("ptx-toolchain", "cupy-rawmodule-ptx-isa-9-1", "ptx_toolchain.sh", "CUDADriverError"),
    "ptx-torch": ("ptx-toolchain", "torch-cuda-load-module-ptx-isa-9-1", "ptx_toolchain.sh", "RuntimeError: CUDA error"),
    "oom-single": ("oom", "torch-alloc-200gib", "oom.py", "torch.OutOfMemoryError"),
    "oom-kv-cache": ("oom", "kv-cache-prealloc-per-layer", "oom.py", "torch.OutOfMemoryError"),
    "oom-cupy": ("oom", "cupy-alloc-200gib", "oom.py", "OutOfMemoryError"),
    "oom-cublas": ("oom", "cublas-create-alloc-failed", "oom.py", "CUBLAS_STATUS_ALLOC_FAILED"),
    "nccl-same-gpu-lazy": ("nccl", "torchrun-two-ranks-one-gpu", "nccl_same_gpu.py", "DistBackendError"),
    "nccl-same-gpu-eager-warn": ("nccl", "torchrun-two-ranks-one-gpu-nccl-warn", "nccl_same_gpu.py", "NCCL WARN Duplicate GPU"),
    "nccl-timeout": ("nccl", "watchdog-allreduce-timeout", "nccl_timeout.py", "Watchdog caught collective operation timeout"),
    "nccl-ok": ("healthy", "torchrun-nccl-allreduce", "nccl_ok.py", "process group destroyed, ready"),
    "healthy-graph": ("healthy", "triton-mlp-graphs-replay", "healthy_graph.py", "ready: "),
    "illegal-cupy": ("other", "cupy-illegal-address-sticky", "illegal_access.py", "cudaErrorIllegalAddress"),
    "illegal-triton": ("other", "triton-illegal-address-sticky", "illegal_access.py", "torch.AcceleratorError"),
    "assert-index": ("other", "device-assert-gather-index", "device_assert.py", "Assertion `"),
    "assert-embedding": ("other", "device-assert-embedding-ids", "device_assert.py", "device-side assert triggered"),
    "triton-type-error": ("other", "triton-compilation-error-shift-float", "triton_errors.py", "CompilationError"),
    "triton-arange": ("other", "triton-arange-not-power-of-2", "triton_errors.py", "ValueError: arange"),
    "triton-shared-memory": ("backend-unsupported", "triton-out-of-resources-shared-memory", "triton_errors.py", "errors.OutOfResources:"),
    "graph-item": ("graph-capture", "item-in-capture", "graph_capture.py", "operation not permitted when stream is capturing"),
    "graph-nonzero": ("graph-capture", "nonzero-in-capture", "graph_capture.py", "operation not permitted when stream is capturing"),
    "graph-triton-autotune": ("graph-capture", "triton-autotune-in-capture", "graph_capture.py", "operation not permitted when stream is capturing"),
    "graph-compile": ("graph-capture", "torch-compile-in-capture", "graph_capture.py", "Cannot copy between CPU and CUDA tensors during CUDA graph capture"),
    # These captured without error on the H200 (see README): a failure line would be the marker.
    "graph-triton-first": ("graph-capture", "triton-first-load-in-capture", "graph_capture.py", "operation not permitted when stream is capturing"),
    "graph-eager-loading": ("graph-capture", "triton-first-load-eager-loading", "graph_capture.py", "operation not permitted when stream is capturing"),
    "graph-triton-smem": ("graph-capture", "triton-first-load-big-smem", "graph_capture.py", "operation not permitted when stream is capturing"),
}
MAX_LINES = 400


def latest(dirs, rel):
    found = [os.path.join(d, rel) for d in dirs if os.path.exists(os.path.join(d, rel))]
    return found[-1] if found else None


def fixture(step, path, force):
    category, slug, script, marker = STEPS[step]
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    decides = next((line for line in lines if marker in line), None)
    if decides is None:
        return f"skip {step}: no line holds {marker!r} (did not reproduce)"
    if len(lines) > MAX_LINES:
        return f"skip {step}: {len(lines)} lines, more than {MAX_LINES}"
    dst = os.path.join(LOGS, category, f"h200-{slug}.log")
    if os.path.exists(dst) and not force:
        return f"skip {step}: {os.path.relpath(dst, ROOT)} exists (--force replaces it)"
    with open(dst, "w", encoding="utf-8") as f:
        f.write(f"# source: {SOURCE}{script}\n# decides: {decides}\n{text}")
    return f"wrote {os.path.relpath(dst, ROOT)}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--force", action="store_true")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    for step in STEPS:
        path = latest(args.dirs, os.path.join("logs", f"{step}.log"))
        print(fixture(step, path, args.force) if path else f"skip {step}: no log")
    names = sorted({n for d in args.dirs if os.path.isdir(os.path.join(d, "smi")) for n in os.listdir(os.path.join(d, "smi"))})
    for name in names:
        shutil.copyfile(latest(args.dirs, os.path.join("smi", name)), os.path.join(SMI, name))
        print(f"copied test/fixtures/nvidia-smi/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
