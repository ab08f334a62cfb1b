// Readings made in the sixteenth session from tuning logs and upstream sources (rounds 55-58), each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { category } from '../../support/classify-lines.ts';
import { continuesCut } from '../../../harness/diagnose/process-key.ts';

const BACKTRACE = [
  '/src/llama.cpp/build/bin/libggml-base.so.0(ggml_print_backtrace+0x1eb)[0x7fa00b3068bb]',
  '/src/llama.cpp/build/bin/libggml-base.so.0(ggml_abort+0x11f)[0x7fa00b306a3f]',
];

describe('rounds 55-58 readings', () => {
  it("reads ggml_abort's \"<file>:<line>: <message>\" as the failure, behind what a spinner left on the line too", () => {
    // ggml-org/ggml d99724f2:src/ggml.c:252-271: stdout flushed, then "<file>:<line>: <message>" on stderr, a backtrace, abort()
    expect(category('Loading model... |/kaggle/working/llama.cpp/ggml/src/ggml-cuda/fattn.cu:110: fatal error', ...BACKTRACE)).toBe('other');
    expect(category('/home/u/llama.cpp/ggml/src/ggml-cuda/fattn.cu:110: fatal error', ...BACKTRACE)).toBe('other');
    // an operation on a backend that cannot run it (ggml-backend.cpp:930): the backend refuses it
    const placed = '/home/u/llama.cpp/ggml/src/ggml-backend.cpp:750: pre-allocated tensor (cache_k_l32 (view) (copy of cache_k_l32 (view))) in a buffer (Vulkan0) that cannot run the operation (CPY)';
    expect(category('slot update_slots: id  0 | task 0 | prompt done, n_past = 4076, n_tokens = 2028', placed, ...BACKTRACE)).toBe('backend-unsupported');
    // … its older words (2024), before the buffer and the operation were named
    expect(category('/Users/m/llama.cpp/ggml/src/ggml-backend.c:1174: pre-allocated tensor in a backend that cannot run the operation')).toBe('backend-unsupported');
    // the abort of a failed CUDA call names no cause without the call's error before it
    expect(category('C:\\a\\ollama\\ollama\\ml\\backend\\ggml\\ggml\\src\\ggml-cuda\\ggml-cuda.cu:84: CUDA error')).toBe('unknown');
    // a compiler's diagnostic names a column and is no abort
    expect(category('/src/ggml/src/ggml.c:123:5: warning: unused variable', 'main: server is listening on http://127.0.0.1:8080 - starting the main loop')).toBe('healthy');
  });

  it("reads vLLM's V1 oracle refusing a backend, data type or GPU as backend-unsupported, a model's architecture as unsupported-model", () => {
    // Yuran-7/vllm-0.11 228b768d (0.8.0):vllm/engine/arg_utils.py:1745-1748, _raise_or_fallback with VLLM_USE_V1=1 set
    const frames = ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.12/dist-packages/vllm/engine/arg_utils.py", line 1260, in _is_v1_supported_oracle', '    _raise_or_fallback(feature_name=name, recommend_to_remove=True)'];
    expect(category(...frames, 'NotImplementedError: VLLM_USE_V1=1 is not supported with VLLM_ATTENTION_BACKEND=TRITON_ATTN_VLLM_V1.')).toBe('backend-unsupported');
    expect(category(...frames, 'NotImplementedError: VLLM_USE_V1=1 is not supported with Compute Capability < 8.0.')).toBe('backend-unsupported');
    expect(category(...frames, "NotImplementedError: VLLM_USE_V1=1 is not supported with ['MambaForCausalLM'].")).toBe('unsupported-model');
    // a scheduler option V1 lacked is the configuration error it is
    expect(category(...frames, 'NotImplementedError: VLLM_USE_V1=1 is not supported with --num-scheduler-steps.')).toBe('other');
  });

  it('reads a NotImplementedError that names a GPU architecture as not implemented for this GPU', () => {
    const error = '[23:04:08] health/ERROR  NotImplementedError: GPUs on both sides of the sm_89 fp8 boundary in one process: the host-side e4m3 convention is process-global';
    expect(category(error)).toBe('backend-unsupported');
    expect(category('NotImplementedError: streaming tool calls are not implemented for this parser')).toBe('other');
  });

  it("reads LLVM's fatal error as the failure: the kernel compiler could not generate a kernel for this GPU", () => {
    // llvm/lib/Support/ErrorHandling.cpp, report_fatal_error: "LLVM ERROR: <reason>", then abort or exit
    const served = 'INFO 05-08 02:15:22 [engine.py:310] Added request chatcmpl-fd9f6952cc0e4cee8b49014b4f8de7f0.';
    const died = "ERROR 05-08 02:15:29 [client.py:305] RuntimeError('Engine process (pid 50) died.')";
    expect(category(served, 'LLVM ERROR: Failed to compute parent layout for slice layout.', died)).toBe('backend-unsupported');
    expect(category(served, died)).toBe('unknown');
    // an error that names its own category still wins over it
    expect(category('LLVM ERROR: out of memory', 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB')).toBe('oom');
  });

  it('reads hipBLASLt missing the kernel library of this GPU architecture as no kernel image for it', () => {
    // ROCm/hipBLASLt rocm-6.2.2:library/src/amd_detail/rocblaslt/src/tensile_host.cpp:1117,1128
    const missing = 'Jul 28 15:11:48 ubuntu24 ollama[307422]: rocblaslt error: Cannot read /usr/local/lib/ollama/rocm/hipblaslt/library/TensileLibrary_lazy_gfx1201.dat: No such file or directory';
    expect(category(missing, 'Jul 28 15:11:48 ubuntu24 ollama[307422]: hipBLASLt error: Heuristic Fetch Failed')).toBe('no-kernel-image');
    // a library file that is there and could not be read names no architecture
    expect(category('rocBLAS error: Cannot read /opt/rocm/lib/rocblas/library/TensileLibrary.dat: Illegal seek')).not.toBe('no-kernel-image');
  });

  it("reads the NCCL process group's watchdog finding a collective failed as an NCCL failure, when the line that said how is cut", () => {
    // ProcessGroupNCCL.cpp's watchdog: "failure detected by watchdog at work sequence id: …" for a work that hit an error or a timeout
    const found = '[rank1]:[E909 08:45:30.126335825 ProcessGroupNCCL.cpp:2252] [PG ID 2 PG GUID 3 Rank 1]  failure detected by watchdog at work sequence id: 40231 PG status: last enqueued work: 40267, last completed work: 40230';
    expect(category('distributed-sglang-0:206:10697 [1] NCCL INFO Connected all trees', found)).toBe('nccl');
    // a cause before it still decides
    expect(category('[rank3]:[E1207 16:31:56.19 ProcessGroupNCCL.cpp:2000] RuntimeError: CUDA error: an illegal memory access was encountered', found)).toBe('other');
  });

  it('reads a ZMQ socket that could not bind, and llama-server that could not bind its port, as failures of their own', () => {
    // zeromq/pyzmq v26.2.0:zmq/error.py:28-61; llama.cpp tools/server/server.cpp:4933 (as mmkurodan/llama vendors it)
    const frames = ['Traceback (most recent call last):', '  File "/sgl-workspace/sglang/python/sglang/srt/utils/common.py", line 1336, in get_zmq_socket', '    socket.bind(endpoint)'];
    expect(category(...frames, "zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:30234')")).toBe('other');
    expect(category(...frames, 'zmq.error.ZMQError: Operation not supported')).toBe('other');
    // a ZMQ error on a socket whose other end is gone still points at that end's failure
    expect(category(...frames, 'zmq.error.ZMQError: Resource temporarily unavailable')).toBe('unknown');
    expect(category('0.00.065.436 E srv         start: couldn\'t bind HTTP server socket, hostname: 127.0.0.1, port: 8083')).toBe('other');
  });

  it("reads aiter's CK MoE dispatch finding no kernel for the configuration as a kernel refused, in a capture as anywhere", () => {
    // ROCm/aiter e4048607:csrc/ck_gemm_moe_2stages_codegen/gen_instances.py:66-70
    const capture = ['[2025-12-01 10:00:00 TP0] Capture cuda graph begin. This can take up to several minutes. avail mem=40.00 GB', '  File "/sgl-workspace/aiter/aiter/fused_moe.py", line 2448, in ck_moe_stage1', '    aiter.ck_moe_stage1_fwd('];
    expect(category(...capture, 'RuntimeError: Unsupported kernel config for moe heuristic dispatch')).toBe('backend-unsupported');
  });

  it('reads the free GPU memory measured below what a reserve needs as out of memory', () => {
    const error = "(EngineCore pid=3522049) RuntimeError: Worker failed with error 'Tiered MoE observed free HBM is below the runtime reserve: 13357547520 bytes available, 15000000000 required. Replan more experts into Grace memory.', please check the stack trace above for the root cause";
    expect(category(error)).toBe('oom');
  });

  it("reads a record of llama-server's own log as a line of its own, never the rest of a long line above it", () => {
    // SLT_INF's "slot <fn, 12 wide>: id N | task N | " head (tools/server/server-common.h:18): the engine's timings after a failed load
    const failed = 'time=2026-07-29T22:23:22.926+05:30 level=ERROR source=llama_server.go:985 msg="llama-server terminated" error="exit status 1" exit=1';
    const served = [
      'slot print_timing: id  0 | task 0 | prompt processing, n_tokens =   1536, progress = 0.76, t =  24.67 s / 62.26 tokens per second',
      'slot   operator(): id  0 | task 0 | cached n_tokens = 1536, memory_seq_rm [1536, end)',
      'slot print_timing: id  0 | task 0 | prompt eval time =   25330.45 ms /  2028 tokens (   12.49 ms per token,    80.06 tokens per second)',
      'slot print_timing: id  0 | task 0 |        eval time =    7225.94 ms /   186 tokens (   38.85 ms per token,    25.74 tokens per second)',
      'slot print_timing: id  0 | task 0 |       total time =   32556.39 ms /  2214 tokens',
      '[GIN] 2026/07/29 - 22:27:43 | 200 |   45.2808111s |       127.0.0.1 | POST     "/api/chat"',
    ];
    expect(category(failed, ...served)).toBe('healthy');
    expect(category(failed)).not.toBe('healthy');
    // after a record as long as a terminal is wide, the next record is not its rest
    for (const line of served.slice(1, 5)) expect(continuesCut(135, line, true)).toBe(false);
    expect(continuesCut(135, 'tokens per second)', true)).toBe(true);
  });

  it("reads Lemonade's log header, and the backend output it relays under (Process) with that output's own meaning", () => {
    // lemonade-sdk/lemonade e385039e:src/cpp/include/lemon/runtime_config.h:104, server/utils/platform/process_linux.cpp:39-56
    const listening = '2026-07-07 06:42:42.053 [Info] (Process) 0.03.651.926 I srv  llama_server: server is listening on http://127.0.0.1:8004';
    const d = classifyLog(['2026-07-07 06:42:42.053 [Info] (Process) 0.03.651.923 I srv  llama_server: model loaded', listening].join('\n'));
    expect(d.category).toBe('healthy');
    expect(d.evidence.map((e) => e.text)).toEqual([listening]);
    // its own error, under its own tag, is an error
    expect(category('2026-07-07 06:40:01.000 [Error] (WrappedServer) llama-server process has terminated with exit code: 1')).toBe('unknown');
  });
});
