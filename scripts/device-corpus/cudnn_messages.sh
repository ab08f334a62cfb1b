#!/usr/bin/env bash
# cuDNN 9 failing to open a sub-library: which one left out of a copy of the wheel's lib/ makes cuDNN print its own words
# ("Invalid handle. Cannot load symbol <name>"; "Unable to load any of {…}" is in libcudnn_graph.so.9). See README.md.
set -u
D=$(python3 -c 'import nvidia.cudnn, os; print(os.path.join(list(nvidia.cudnn.__path__)[0], "lib"))')
python3 -c 'import torch; print("torch", torch.__version__, "cudnn", torch.backends.cudnn.version())'
for miss in none graph ops cnn adv heuristic engines_precompiled engines_runtime_compiled; do
  T=/tmp/cudnn-$miss; rm -rf $T; mkdir -p $T
  for f in $D/*; do b=$(basename $f); case "$b" in libcudnn_$miss.so*) ;; *) cp $f $T/ ;; esac; done
  for api in legacy backend; do
    echo "=== missing=$miss api=$api"
    LD_LIBRARY_PATH=$T timeout 60 python3 - $T $api <<'PY' 2>&1 | head -20
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1] + "/libcudnn.so.9")
print("cudnnGetVersion", lib.cudnnGetVersion(), flush=True)
h = ctypes.c_void_p()
if sys.argv[2] == "legacy":
    print("cudnnCreate", lib.cudnnCreate(ctypes.byref(h)), flush=True)
    d = ctypes.c_void_p()
    print("cudnnCreateTensorDescriptor", lib.cudnnCreateTensorDescriptor(ctypes.byref(d)), flush=True)
    print("cudnnCreateFilterDescriptor", lib.cudnnCreateFilterDescriptor(ctypes.byref(d)), flush=True)
    print("cudnnCreateRNNDescriptor", lib.cudnnCreateRNNDescriptor(ctypes.byref(d)), flush=True)
    print("cudnnCreateConvolutionDescriptor", lib.cudnnCreateConvolutionDescriptor(ctypes.byref(d)), flush=True)
else:
    d = ctypes.c_void_p()
    print("cudnnBackendCreateDescriptor", lib.cudnnBackendCreateDescriptor(0, ctypes.byref(d)), flush=True)
    print("cudnnCreate", lib.cudnnCreate(ctypes.byref(h)), flush=True)
PY
    echo "rc=${PIPESTATUS[0]}"
  done
done
# the same as the earlier cuDNN's wheel placed it: the sub-library names with full version (libcudnn_ops.so.9.1.0 …) are those it tries
strings -n 8 $D/libcudnn_graph.so.9 | grep -n -B3 -A3 "Unable to load any of" | head -20
