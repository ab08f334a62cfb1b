"""#22 GPU failures, second round: `more2.py all` runs each variant (<= 330 s), logs to $OUT/more2.tgz"""
import os, subprocess as sp, sys, tarfile, time
V = sys.argv[1]
print(f"[more2.py] variant={V}", flush=True)
VARIANTS = ("h2d-capture d2h-capture other-stream empty-cache-capture event-timing-capture compile-maxautotune-capture "
            "oom-expandable oom-capture-compile invalid-config cublas-fp8-layout scaled-mm-mx sdpa-flash-fp32 "
            "triton-dot-small triton-ptxas-false inductor-ptxas-false triton-num-warps no-visible-gpu bad-ordinal "
            "flash-attn-import store-timeout store-hang-killed nccl-net-bogus nccl-p2p-level-info compile-dynamic-ok "
            "graphs-many-sizes-ok").split()
if V == "all":
    E = dict(os.environ, PYTHONUNBUFFERED="1", NCCL_NVLS_ENABLE="0", TORCH_SYMM_MEM_DISABLE_MULTICAST="1", NVSHMEM_DISABLE_NVLS="1")
    ENV = {"oom-expandable": {"PYTORCH_CUDA_ALLOC_CONF": "expandable_segments:True"},
           "triton-ptxas-false": {"TRITON_PTXAS_PATH": "/bin/false"}, "inductor-ptxas-false": {"TRITON_PTXAS_PATH": "/bin/false"},
           "no-visible-gpu": {"CUDA_VISIBLE_DEVICES": ""}, "bad-ordinal": {"CUDA_VISIBLE_DEVICES": "7"},
           "nccl-net-bogus": {"NCCL_NET": "NoSuchNet", "NCCL_DEBUG": "WARN"},
           "nccl-p2p-level-info": {"NCCL_DEBUG": "INFO", "NCCL_P2P_LEVEL": "NVL"}}
    P, t0 = [sys.executable, __file__], time.time()
    os.makedirs("/tmp/ml2", exist_ok=True)
    for v in VARIANTS:
        n = v[:4] == "nccl"
        lim = "25" if v == "store-hang-killed" else "75"
        if time.time() - t0 < 330:
            sp.run(["timeout", "-s", "KILL" if v == "store-hang-killed" else "TERM", lim] + P[:1]
                   + ["-m", "torch.distributed.run", "--nproc-per-node", "1"] * n + P[1:] + [v],
                   stdout=open(f"/tmp/ml2/{v}.log", "w"), stderr=sp.STDOUT, env=dict(E, **ENV.get(v, {})))
        with tarfile.open(os.environ["OUT"] + "/more2.tgz", "w:gz") as t: t.add("/tmp/ml2", "logs")
        print(v, round(time.time() - t0), flush=True)
    sys.exit()
import torch
if V == "flash-attn-import":
    import flash_attn  # not installed on the device image
if V == "no-visible-gpu" or V == "bad-ordinal":
    print("device_count", torch.cuda.device_count(), flush=True)
    print(torch.zeros(1, device="cuda"))
x = torch.randn(1024, 1024, device="cuda")
def cap(fn):
    g, s = torch.cuda.CUDAGraph(), torch.cuda.Stream()
    with torch.cuda.graph(g, stream=s): fn()
    g.replay(); torch.cuda.synchronize(); print("captured and replayed")
if V == "h2d-capture": cap(lambda: x + torch.ones(1024).cuda())
if V == "d2h-capture": cap(lambda: (x @ x).cpu())
if V == "other-stream":
    s2 = torch.cuda.Stream()
    def f():
        with torch.cuda.stream(s2): x @ x
    cap(f)
if V == "empty-cache-capture": cap(lambda: (x @ x, torch.cuda.empty_cache()))
if V == "event-timing-capture":
    def f():
        e = torch.cuda.Event(enable_timing=True); e.record(); x @ x; e.synchronize()
    cap(f)
if V == "compile-maxautotune-capture":
    f = torch.compile(lambda t: torch.relu(t @ t), mode="max-autotune-no-cudagraphs")
    cap(lambda: f(x))
if V == "oom-expandable":
    keep = [torch.empty(40 << 30, dtype=torch.uint8, device="cuda") for _ in range(3)]
    print("held", sum(t.numel() for t in keep) >> 30, "GiB", flush=True)
    more = torch.empty(40 << 30, dtype=torch.uint8, device="cuda")
if V == "oom-capture-compile":
    h = torch.empty(torch.cuda.mem_get_info()[0] - (64 << 20), dtype=torch.uint8, device="cuda")
    f = torch.compile(lambda t: (t @ t).softmax(-1), mode="reduce-overhead")
    for _ in range(3): y = f(torch.randn(4096, 4096, device="cuda"))
if V == "invalid-config":
    import cupy as cp
    p = cp.zeros(64, cp.int8)
    cp.RawKernel('extern "C" __global__ void k(char* p){ p[threadIdx.x % 64] = 1; }', "k")((1,), (2048,), (p,))
    cp.cuda.runtime.deviceSynchronize()
if V == "cublas-fp8-layout":
    a = torch.randn(64, 64, device="cuda").to(torch.float8_e4m3fn)
    one = torch.tensor(1.0, device="cuda")
    print(torch._scaled_mm(a, a, scale_a=one, scale_b=one, out_dtype=torch.bfloat16))
if V == "scaled-mm-mx":
    a = torch.randn(128, 128, device="cuda").to(torch.float8_e4m3fn)
    b = torch.randn(128, 128, device="cuda").to(torch.float8_e4m3fn).t()
    s = torch.ones(128 * 4, device="cuda").to(torch.float8_e8m0fnu)
    print(torch._scaled_mm(a, b, scale_a=s, scale_b=s, out_dtype=torch.bfloat16))
if V == "sdpa-flash-fp32":
    from torch.nn.attention import SDPBackend, sdpa_kernel
    q = torch.randn(1, 8, 128, 64, device="cuda")
    with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
        print(torch.nn.functional.scaled_dot_product_attention(q, q, q).shape)
if V[:6] == "triton":
    import triton, triton.language as tl
    @triton.jit
    def dot(a, c, N: tl.constexpr):
        r = tl.arange(0, N)
        t = tl.load(a + r[:, None] * N + r[None, :])
        tl.store(c + r[:, None] * N + r[None, :], tl.dot(t, t))
    n = 8 if V == "triton-dot-small" else 32
    a = torch.randn(n, n, device="cuda", dtype=torch.float16); c = torch.empty_like(a)
    dot[(1,)](a, c, n, num_warps=3 if V == "triton-num-warps" else 4)
    torch.cuda.synchronize(); print("max err", float((c - a @ a).abs().max()))
if V == "inductor-ptxas-false":
    f = torch.compile(lambda t: torch.nn.functional.silu(t) * t.sum(-1, keepdim=True))
    print(float(f(x).sum()))
if V[:5] == "store":
    import datetime, torch.distributed as d
    d.init_process_group("nccl", init_method="tcp://127.0.0.1:29611", rank=0, world_size=2,
                         timeout=datetime.timedelta(seconds=15 if V == "store-timeout" else 600))
if V[:4] == "nccl":
    import torch.distributed as d
    d.init_process_group("nccl", device_id=torch.device("cuda", 0)); y = torch.ones(8, device="cuda"); d.all_reduce(y)
    torch.cuda.synchronize(); print("all_reduce", y.tolist()); d.destroy_process_group(); print("process group destroyed, ready")
if V == "compile-dynamic-ok":
    f = torch.compile(lambda t: torch.nn.functional.layer_norm(t, t.shape[-1:]).relu(), dynamic=True)
    for n in (16, 32, 48, 64, 80): print(n, float(f(torch.randn(n, 1024, device="cuda")).sum()))
    print("ok: served 5 shapes from one dynamic graph")
if V == "graphs-many-sizes-ok":
    w = torch.randn(1024, 1024, device="cuda", dtype=torch.bfloat16); graphs = {}
    s = torch.cuda.Stream(); s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for _ in range(3): torch.relu(torch.randn(8, 1024, device="cuda", dtype=torch.bfloat16) @ w)
    torch.cuda.current_stream().wait_stream(s)
    pool = None
    for bs in (512, 256, 128, 64, 32, 16, 8, 4, 2, 1):
        inp = torch.randn(bs, 1024, device="cuda", dtype=torch.bfloat16); g = torch.cuda.CUDAGraph()
        with torch.cuda.graph(g, pool=pool): out = torch.relu(inp @ w)
        pool = g.pool(); graphs[bs] = (g, inp, out)
        print(f"Capturing CUDA graph shapes: batch size {bs} done", flush=True)
    for bs, (g, inp, out) in graphs.items():
        inp.copy_(torch.randn_like(inp)); g.replay(); torch.cuda.synchronize()
        assert torch.allclose(out, torch.relu(inp @ w), atol=1e-2, rtol=1e-2), bs
    print("Graph capturing finished; all", len(graphs), "graphs replayed and match eager")
