"""#22 GPU failures: `more.py all` runs each variant (300 s), logs to $OUT/more.tgz"""
import os, subprocess as sp, sys, tarfile, time
V = sys.argv[1]
print(f"[more.py] variant={V}", flush=True)
if V == "all":
    E = dict(os.environ, PYTHONUNBUFFERED="1", NCCL_NVLS_ENABLE="0", TORCH_SYMM_MEM_DISABLE_MULTICAST="1", NVSHMEM_DISABLE_NVLS="1")
    P, t0 = [sys.executable, __file__], time.time()
    os.makedirs("/tmp/ml", exist_ok=True)
    for v in "sync-capture default-stream oom-capture misaligned trap brkpt cudnn-full dynamo-fullgraph compile-ok compile-graph-break nccl-ifname nccl-ok-info".split():
        n = v[:4] == "nccl"
        if time.time() - t0 < 300: sp.run(["timeout", "60"] + P[:1] + ["-m", "torch.distributed.run", "--nproc-per-node", "1"] * n + P[1:] + [v], stdout=open(f"/tmp/ml/{v}.log", "w"), stderr=sp.STDOUT, env=dict(E, NCCL_SOCKET_IFNAME="nosuch0") if "if" in v else dict(E, NCCL_DEBUG="INFO") if n else E)
        with tarfile.open(os.environ["OUT"] + "/more.tgz", "w:gz") as t: t.add("/tmp/ml", "logs")
    sys.exit()
import torch
x = torch.randn(1024, 1024, device="cuda")
def cap(fn):
    g, s = torch.cuda.CUDAGraph(), torch.cuda.Stream()
    with torch.cuda.graph(g, stream=s): fn()
    g.replay(); torch.cuda.synchronize(); print("captured and replayed")
def cupy(src):
    import cupy as cp
    p = cp.zeros(64, cp.int8)
    cp.RawKernel('extern "C" __global__ void k(char* p){' + src + '}', "k")((1,), (32,), (p,))
    cp.cuda.runtime.deviceSynchronize(); print(p.sum())
def compiled(fn, **kw):
    f = torch.compile(fn, **kw)
    for _ in range(5): y = f(x)
    torch.cuda.synchronize(); print("ok", float(y.float().sum()))
if V == "sync-capture": cap(lambda: (x @ x, torch.cuda.synchronize()))
if V == "default-stream":
    g = torch.cuda.CUDAGraph(); g.capture_begin(); x @ x; g.capture_end()
if V == "oom-capture": cap(lambda: torch.empty(200 << 30, dtype=torch.uint8, device="cuda"))
if V == "misaligned": cupy("*(int*)(p + 1) = 1;")
if V == "trap": cupy('asm("trap;");')
if V == "brkpt": cupy('asm("brkpt;");')
if V == "cudnn-full":
    a, w = torch.randn(8, 64, 64, 64, device="cuda"), torch.randn(64, 64, 3, 3, device="cuda")
    h = torch.empty(torch.cuda.mem_get_info()[0] - (24 << 20), dtype=torch.uint8, device="cuda")
    print(torch.nn.functional.conv2d(a, w).sum())
if V == "dynamo-fullgraph": compiled(lambda t: t * 2 if t.sum().item() > 0 else t, fullgraph=True)
if V == "compile-ok": compiled(lambda t: torch.nn.functional.gelu(t @ t) + 1, mode="reduce-overhead")
if V == "compile-graph-break": compiled(lambda t: (print("host print", t.shape), t.relu() * 2)[1], mode="reduce-overhead")
if V[:4] == "nccl":
    import torch.distributed as d
    d.init_process_group("nccl"); y = torch.ones(8, device="cuda"); d.all_reduce(y); torch.cuda.synchronize()
    print("all_reduce", y.tolist()); d.destroy_process_group(); print("process group destroyed, ready")
