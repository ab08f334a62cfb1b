#!/usr/bin/env bash
# nvidia-smi and toolkit versions, each into its own file under <outdir>/smi.
# Usage: smi.sh <outdir> [busy]   (busy: plain nvidia-smi while a PyTorch process holds 20 GiB)
set -u
D="$1/smi"; mkdir -p "$D"
echo "[smi.sh] $(pwd) -> $D ${2:-}"
if [ "${2:-}" = busy ]; then
  python3 -c 'import torch, time; x = torch.empty(20 << 30, dtype=torch.uint8, device="cuda"); print("holding 20 GiB", flush=True); time.sleep(20)' &
  pid=$!; sleep 10
  nvidia-smi > "$D/h200-nvidia-smi-busy.txt" 2>&1
  kill $pid; wait $pid; cat "$D/h200-nvidia-smi-busy.txt"; exit 0
fi
Q=index,uuid,name,compute_cap,memory.total,driver_version
nvidia-smi > "$D/h200-nvidia-smi.txt" 2>&1
nvidia-smi -L > "$D/h200-L.txt" 2>&1
nvidia-smi -q > "$D/h200-q.txt" 2>&1
nvidia-smi --query-gpu=index,name,uuid,compute_cap,memory.total,driver_version --format=csv > "$D/h200-query-name-first.csv" 2>&1
nvidia-smi --query-gpu=$Q --format=csv > "$D/h200-query.csv" 2>&1
nvidia-smi --query-gpu=$Q --format=csv,noheader > "$D/h200-query-noheader.csv" 2>&1
nvidia-smi --query-gpu=$Q,pci.bus_id,mig.mode.current --format=csv > "$D/h200-query-bus-mig.csv" 2>&1
nvcc --version > "$D/h200-nvcc-version.txt" 2>&1
python3 - > "$D/h200-versions.txt" 2>&1 <<'PY'
import cupy, torch, triton
rt = cupy.cuda.runtime
print(f"cudaDriverGetVersion: {rt.driverGetVersion()}")
print(f"cudaRuntimeGetVersion (cupy): {rt.runtimeGetVersion()}")
print(f"torch {torch.__version__}, torch.version.cuda {torch.version.cuda}, cudnn {torch.backends.cudnn.version()}, nccl {torch.cuda.nccl.version()}")
print(f"triton {triton.__version__}, cupy {cupy.__version__}")
print(f"device 0: {torch.cuda.get_device_name(0)}, capability {torch.cuda.get_device_capability(0)}, arch list {torch.cuda.get_arch_list()}")
PY
uname -a >> "$D/h200-versions.txt"
head -20 "$D"/h200-nvidia-smi.txt "$D"/h200-L.txt "$D"/h200-query.csv "$D"/h200-versions.txt
