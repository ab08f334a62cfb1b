#!/usr/bin/env bash
# import-error: cuDNN 9 loads its sub-libraries (libcudnn_ops, libcudnn_cnn, …) by name when first used. A copy of the wheel's
# lib/ with one sub-library left out, loaded in place of the wheel's, makes that load fail as it does where a cuDNN install is
# incomplete or off the library path (a container missing a package, Windows without the DLL directory on PATH).
# Usage: cudnn_sublib.sh control|no-ops|no-cnn [torch|ctypes]
set -u
V=${1:-no-ops}
D=$(python3 -c 'import nvidia.cudnn, os; print(os.path.join(list(nvidia.cudnn.__path__)[0], "lib"))') || exit 1
T=/tmp/cudnn-$V; rm -rf "$T"; mkdir -p "$T"
for f in "$D"/*; do
  case "$V:$(basename "$f")" in no-ops:libcudnn_ops*|no-cnn:libcudnn_cnn*) ;; *) cp "$f" "$T/" ;; esac
done
echo "[cudnn_sublib] variant=$V wheel lib=$D copy=$T: $(ls "$T" | tr '\n' ' ')"
if [ "${2:-torch}" = ctypes ]; then
  # the legacy API called straight from libcudnn.so.9, as a C++ runtime that links cuDNN does (CTranslate2 under faster-whisper)
  LD_LIBRARY_PATH="$T" timeout 60 python3 -c '
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1] + "/libcudnn.so.9")
print("cudnnGetVersion", lib.cudnnGetVersion(), flush=True)
d = ctypes.c_void_p()
print("cudnnCreateTensorDescriptor", lib.cudnnCreateTensorDescriptor(ctypes.byref(d)), flush=True)
' "$T"
  echo "[cudnn_sublib] exit=$?"; exit 0
fi
LD_LIBRARY_PATH="$T" LD_PRELOAD="$T/libcudnn.so.9" timeout 120 python3 - "$V" <<'PY'
import sys, torch
print("torch", torch.__version__, "cudnn", torch.backends.cudnn.version(), torch.cuda.get_device_name(0), flush=True)
if sys.argv[1] == "no-cnn":
    x = torch.randn(2, 3, 32, 32, device="cuda")
    conv = torch.nn.Conv2d(3, 8, 3).cuda()
    print("conv2d", tuple(conv(x).shape), flush=True)
else:
    x = torch.randn(4, 8, 16, device="cuda")
    lstm = torch.nn.LSTM(16, 32).cuda()
    print("lstm", tuple(lstm(x)[0].shape), flush=True)
print("ok", flush=True)
PY
echo "[cudnn_sublib] exit=$?"
