#!/usr/bin/env bash
# no-kernel-image: a CUDA C++ program built for sm_80 machine code only (no PTX to JIT), run on the
# H200 (sm_90). Usage: no_kernel_image.sh <variant> with variant = cpp | cpp-multi
set -u
cd "$(dirname "$0")"
echo "[no_kernel_image] $(pwd) variant=${1:-cpp} on $(nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader)"
B=/tmp/device-corpus-build; mkdir -p $B
case "${1:-cpp}" in
  cpp)
    nvcc -gencode arch=compute_80,code=sm_80 -o $B/rms_norm_sm80 kernels.cu || exit 1
    cuobjdump --list-elf --list-ptx $B/rms_norm_sm80
    $B/rms_norm_sm80 ;;
  cpp-multi)
    # A "wheel" built for the consumer and Blackwell GPUs only: sm_86, sm_89, sm_120, no PTX.
    nvcc -gencode arch=compute_86,code=sm_86 -gencode arch=compute_89,code=sm_89 -gencode arch=compute_120,code=sm_120 \
      -o $B/rms_norm_multi kernels.cu || exit 1
    cuobjdump --list-elf --list-ptx $B/rms_norm_multi
    $B/rms_norm_multi ;;
esac
