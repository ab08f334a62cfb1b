#!/usr/bin/env bash
# ptx-toolchain: PTX whose ".version" is one ISA step newer than this driver's (as nvcc of the next
# CUDA release writes it), loaded through the driver, the runtime, ptxas, CuPy and PyTorch.
# Usage: ptx_toolchain.sh driver|runtime|ptxas|cupy|torch
set -u
cd "$(dirname "$0")"
echo "[ptx_toolchain] $(pwd) variant=${1:-driver}"
B=/tmp/device-corpus-build; mkdir -p $B
if [ ! -f $B/rms_norm_next.ptx ]; then
  nvcc -ptx -DNO_MAIN -arch=compute_90 -o $B/rms_norm.ptx kernels.cu || exit 1
  v=$(sed -n 's/^\.version \([0-9]*\)\.\([0-9]*\)$/\1 \2/p' $B/rms_norm.ptx)
  next="${v% *}.$(( ${v#* } + 1 ))"
  sed "s/^\.version .*/.version $next/" $B/rms_norm.ptx > $B/rms_norm_next.ptx
  echo "[ptx_toolchain] nvcc wrote PTX .version ${v/ /.}; edited copy declares .version $next"
fi
case "${1:-driver}" in
  driver|runtime)
    if [ ! -x $B/ptx_load ]; then
      L=""; for d in /usr/local/cuda/lib64/stubs /usr/local/cuda/targets/x86_64-linux/lib/stubs "$(dirname "$(readlink -f "$(command -v nvcc)")")/../lib64/stubs"; do [ -d "$d" ] && L="$L -L$d"; done
      nvcc -o $B/ptx_load ptx_load.cpp $L -lcuda || nvcc -o $B/ptx_load ptx_load.cpp -L/usr/local/nvidia/lib64 -L/usr/lib/x86_64-linux-gnu -l:libcuda.so.1 || exit 1
    fi
    $B/ptx_load "$1" $B/rms_norm_next.ptx rms_norm_kernel ;;
  ptxas)
    ptxas -arch=sm_90 -o $B/rms_norm_next.cubin $B/rms_norm_next.ptx ;;
  cupy|torch)
    timeout 90 python3 ptx_load.py "$1" $B/rms_norm_next.ptx ;;
esac
