#!/usr/bin/env bash
# Runs every corpus script on the GPU machine, one log per variant, each under its own timeout, and
# packs the logs into $OUT/corpus.tgz after every step (so a cut-off run still returns what it made).
# Usage: bash run-all.sh <budget seconds> [step name prefix ...]   (all steps when none is given)
set -u
cd "$(dirname "$0")"
BUDGET=${1:-420}; shift || true
LOGS=/tmp/device-corpus-logs; mkdir -p "$LOGS/logs"
OUT=${OUT:-/tmp/device-corpus-out}; mkdir -p "$OUT"
export PYTHONUNBUFFERED=1 NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
TORCHRUN=$(command -v torchrun || echo "python3 -m torch.distributed.run")
T0=$(date +%s)
echo "[run-all.sh] $(pwd), budget ${BUDGET}s, logs in $LOGS, $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader)"

step() { # step <name> <timeout> <command...>
  local name=$1 limit=$2; shift 2
  if [ -n "$ONLY" ]; then local p hit=0; for p in $ONLY; do [[ $name == "$p"* ]] && hit=1; done; [ $hit = 1 ] || return 0; fi
  local used=$(( $(date +%s) - T0 ))
  if [ $(( used + limit )) -gt "$BUDGET" ]; then echo "SKIP $name (used ${used}s, needs up to ${limit}s)"; echo "$name skipped" >> "$LOGS/status.txt"; return; fi
  local s=$(date +%s)
  timeout -k 5 "$limit" "$@" > "$LOGS/logs/$name.log" 2>&1
  local rc=$?
  echo "$name rc=$rc $(( $(date +%s) - s ))s :: $*" | tee -a "$LOGS/status.txt"
  tail -n 2 "$LOGS/logs/$name.log" | cut -c1-200 | sed 's/^/    /'
  tar czf "$OUT/corpus.tgz" -C "$LOGS" .
}
ONLY="$*"

step smi 60 bash smi.sh "$LOGS"
step nki-cpp 60 bash no_kernel_image.sh cpp
step nki-cpp-multi 90 bash no_kernel_image.sh cpp-multi
step nki-cupy 60 python3 no_kernel_image_py.py cupy
step ptx-driver 60 bash ptx_toolchain.sh driver
step ptx-runtime 60 bash ptx_toolchain.sh runtime
step ptx-ptxas 30 bash ptx_toolchain.sh ptxas
step ptx-cupy 60 bash ptx_toolchain.sh cupy
step ptx-torch 60 bash ptx_toolchain.sh torch
step oom-single 60 python3 oom.py single
step oom-kv-cache 90 python3 oom.py kv-cache
step oom-cupy 60 python3 oom.py cupy
step oom-cublas 90 python3 oom.py cublas
step nccl-same-gpu-lazy 90 $TORCHRUN --nproc-per-node 2 nccl_same_gpu.py lazy
step nccl-same-gpu-eager-warn 90 env NCCL_DEBUG=WARN $TORCHRUN --nproc-per-node 2 nccl_same_gpu.py eager
step nccl-timeout 90 $TORCHRUN --nproc-per-node 1 nccl_timeout.py
step nccl-ok 60 $TORCHRUN --nproc-per-node 1 nccl_ok.py
step illegal-cupy 60 python3 illegal_access.py cupy
step illegal-triton 60 python3 illegal_access.py triton
step assert-index 60 python3 device_assert.py index
step assert-embedding 60 python3 device_assert.py embedding
step triton-type-error 60 python3 triton_errors.py type-error
step triton-arange 60 python3 triton_errors.py arange
step triton-shared-memory 60 python3 triton_errors.py shared-memory
step graph-triton-first 60 python3 graph_capture.py triton-first
step graph-triton-autotune 60 python3 graph_capture.py triton-autotune
step graph-item 60 python3 graph_capture.py item
step graph-nonzero 60 python3 graph_capture.py nonzero
step graph-eager-loading 60 env CUDA_MODULE_LOADING=EAGER python3 graph_capture.py triton-first
step graph-triton-smem 60 python3 graph_capture.py triton-smem
step graph-compile 150 python3 graph_capture.py compile
step smi-busy 60 bash smi.sh "$LOGS" busy
step healthy-graph 60 python3 healthy_graph.py
step nki-torch-ext 200 python3 no_kernel_image_py.py torch-ext
echo "[run-all.sh] done in $(( $(date +%s) - T0 ))s"
tar czf "$OUT/corpus.tgz" -C "$LOGS" .
