#!/bin/bash
# Which failure does PyTorch raise when an allocation fails and NVML cannot list the GPU's processes?
set -u
cd "$(dirname "$0")"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
python -c 'import torch; print("torch", torch.__version__, torch.version.cuda)'
REAL=$(ldconfig -p | awk '/libnvidia-ml.so.1 /{print $NF; exit}'); echo "real NVML: $REAL"
C10=$(python -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "lib", "libc10_cuda.so"))')
echo "NVML names in libc10_cuda.so:"; strings "$C10" | grep -E '^nvml[A-Za-z_0-9]+$' | sort -u | tee names.txt
strings "$C10" | grep -n 'NVML_SUCCESS ==' | head
nm -D "$REAL" | awk '$2=="T"{print $3}' | grep -E '^nvml' | sort -u > real.txt
grep -vE '^nvmlDeviceGetComputeRunningProcesses(_v2|_v3)?$' real.txt | sed 's/.*/FWD(&)/' > fwd.h
gcc -shared -fPIC -O1 -o libnvidia-ml.so.1 nvml_shim.c -ldl && echo "shim built ($(wc -l < fwd.h) forwarded)"
cat > oom.py <<'PY'
import torch, sys
x = torch.empty(2**20, dtype=torch.uint8, device='cuda'); print('small allocation ok', flush=True)
free, total = torch.cuda.mem_get_info(); print(f'free {free/2**30:.1f} GiB of {total/2**30:.1f} GiB', flush=True)
try:
    y = torch.empty(int(total * 1.5), dtype=torch.uint8, device='cuda')
except BaseException as e:
    print(f'{type(e).__module__}.{type(e).__name__}: {e}', flush=True)
PY
echo "=== with the real NVML"; python oom.py 2>&1 | tee $OUT/oom-real-nvml.log
echo "=== NVML cannot list processes"; REAL_NVML=$REAL LD_LIBRARY_PATH=$PWD python oom.py 2>&1 | tee $OUT/oom-nvml-fails.log
echo "=== NVML cannot list processes, traceback"; REAL_NVML=$REAL LD_LIBRARY_PATH=$PWD python -c 'import torch; torch.empty(2**20, device="cuda"); t=torch.cuda.mem_get_info()[1]; torch.empty(int(t*1.5), dtype=torch.uint8, device="cuda")' 2>&1 | tee $OUT/oom-nvml-fails-traceback.log
cp names.txt $OUT/
