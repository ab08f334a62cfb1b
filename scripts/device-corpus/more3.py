"""#22 third round: `more3.py all` runs each variant (<= 300 s), logs to $OUT/more3.tgz"""
import os, subprocess as sp, sys, tarfile, time
V = sys.argv[1]
print(f"[more3.py] variant={V}", flush=True)
VS = ("query-capture pin-capture gen-capture triton-fp8e4b15 scaled-mm-fp4 nvrtc-arch-120 nvrtc-syntax jax-oom jax-ok "
      "hf-flash-attn2 hf-unknown-arch hf-offline hf-import-name hf-generate-ok hf-static-compile-ok recompile-limit "
      "nccl-bad-device oom-sdpa-math").split()
if V == "all":
    E = dict(os.environ, PYTHONUNBUFFERED="1", NCCL_NVLS_ENABLE="0", TORCH_SYMM_MEM_DISABLE_MULTICAST="1",
             NVSHMEM_DISABLE_NVLS="1", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    P, t0 = [sys.executable, __file__], time.time()
    os.makedirs("/tmp/ml3", exist_ok=True)
    for v in VS:
        n = v[:4] == "nccl"
        if time.time() - t0 < 300:
            sp.run(["timeout", "60", P[0]] + ["-m", "torch.distributed.run", "--nproc-per-node", "1"] * n + P[1:] + [v],
                   stdout=open(f"/tmp/ml3/{v}.log", "w"), stderr=sp.STDOUT, env=E)
        with tarfile.open(os.environ["OUT"] + "/more3.tgz", "w:gz") as t: t.add("/tmp/ml3", "logs")
        print(v, round(time.time() - t0), flush=True)
    sys.exit()
if V[:3] == "jax":
    import jax, jax.numpy as jnp
    print(jax.devices(), flush=True)
    n = 200 << 30 if V == "jax-oom" else 1 << 20
    a = jnp.ones((n // 4,), jnp.float32); print("sum", float(a.sum()), "ok")
    sys.exit()
if V[:3] == "hf-":
    import json, tempfile, torch, transformers as T
    d = tempfile.mkdtemp()
    if V == "hf-unknown-arch":
        json.dump({"model_type": "qwen9_moe", "architectures": ["Qwen9MoeForCausalLM"]}, open(d + "/config.json", "w"))
        T.AutoModelForCausalLM.from_pretrained(d)
    if V == "hf-offline": T.AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    if V == "hf-import-name": from transformers import Qwen9MoeForCausalLM
    c = T.LlamaConfig(vocab_size=1024, hidden_size=256, intermediate_size=512, num_hidden_layers=2, num_attention_heads=4,
                      num_key_value_heads=2, max_position_embeddings=256)
    kw = {"attn_implementation": "flash_attention_2"} if V == "hf-flash-attn2" else {}
    m = T.LlamaForCausalLM(c, **kw) if not kw else T.AutoModelForCausalLM.from_config(c, torch_dtype=torch.bfloat16, **kw)
    m = m.to("cuda", torch.bfloat16).eval()
    ids = torch.randint(0, 1024, (2, 16), device="cuda")
    gk = dict(max_new_tokens=24, do_sample=False)
    if V == "hf-static-compile-ok": gk.update(cache_implementation="static"); m.forward = torch.compile(m.forward, mode="reduce-overhead")
    for i in range(2): out = m.generate(ids, **gk); print("generated", tuple(out.shape), flush=True)
    print("ok: generate done, ready"); sys.exit()
import torch
x = torch.randn(1024, 1024, device="cuda")
def cap(fn):
    g, s = torch.cuda.CUDAGraph(), torch.cuda.Stream()
    with torch.cuda.graph(g, stream=s): fn()
    g.replay(); torch.cuda.synchronize(); print("captured and replayed")
if V == "query-capture": cap(lambda: (x @ x, print("query", torch.cuda.current_stream().query())))
if V == "pin-capture": cap(lambda: (x @ x, torch.empty(1 << 20).pin_memory()))
if V == "gen-capture":
    g0 = torch.Generator(device="cuda"); g0.manual_seed(1)
    cap(lambda: torch.randn(1024, device="cuda", generator=g0))
if V == "triton-fp8e4b15":
    import triton, triton.language as tl
    @triton.jit
    def k(a, b):
        r = tl.arange(0, 128); tl.store(b + r, tl.load(a + r).to(tl.float8e4b15).to(tl.float32))
    a = torch.randn(128, device="cuda"); b = torch.empty_like(a); k[(1,)](a, b); print(float(b.sum()))
if V == "scaled-mm-fp4":
    a = torch.randint(0, 255, (128, 64), device="cuda", dtype=torch.uint8).view(torch.float4_e2m1fn_x2)
    s = torch.ones(128 * 8, device="cuda").to(torch.float8_e4m3fn)
    print(torch._scaled_mm(a, a.t(), scale_a=s, scale_b=s, out_dtype=torch.bfloat16))
if V[:5] == "nvrtc":
    import cupy as cp
    src = 'extern "C" __global__ void k(float* p){ p[threadIdx.x] *= 2.0f; }' + ("}" if V == "nvrtc-syntax" else "")
    opts = ("-arch=compute_120",) if V == "nvrtc-arch-120" else ()
    p = cp.ones(32, cp.float32); cp.RawKernel(src, "k", options=opts)((1,), (32,), (p,)); print(float(p.sum()))
if V == "recompile-limit":
    torch._dynamo.config.recompile_limit = 2; torch._dynamo.config.fail_on_recompile_limit_hit = True
    f = torch.compile(lambda t, n: t * n)
    for n in range(6): print(float(f(x, n).sum()), flush=True)
if V == "nccl-bad-device":
    import torch.distributed as d
    d.init_process_group("nccl", device_id=torch.device("cuda", 3)); y = torch.ones(8, device="cuda:3"); d.all_reduce(y)
if V == "oom-sdpa-math":
    from torch.nn.attention import SDPBackend, sdpa_kernel
    q = torch.randn(8, 32, 32768, 128, device="cuda", dtype=torch.bfloat16)
    print("prefill 32768 tokens, batch 8", flush=True)
    with sdpa_kernel(SDPBackend.MATH): print(torch.nn.functional.scaled_dot_product_attention(q, q, q).shape)
