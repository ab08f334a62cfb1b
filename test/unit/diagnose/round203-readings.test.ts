// Readings made in the thirtieth session, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { cleanLine } from '../../../harness/diagnose/line-clean.ts';

describe('round 203 readings', () => {
  it("reads UCX's log header and its level (openucx/ucx src/ucs/debug/log.c, UCS_LOG_FMT)", () => {
    const ucx = '[1745499308.854013] [9fd0c21b0f7c:760  :0]       ib_device.c:1332 UCX  ERROR   ibv_create_ah(dlid=49152 port=1) for UD mlx5 connect on mlx5_0 failed: No such device';
    expect(cleanLine(ucx)).toEqual({ text: 'ibv_create_ah(dlid=49152 port=1) for UD mlx5 connect on mlx5_0 failed: No such device', level: 'ERROR' });
    expect(cleanLine('[1745499308.855116] [9fd0c21b0f7c:760  :0]      ucp_worker.c:2903 UCX  WARN  worker 0x754a6ee0: 10 pending operations were not flushed').level).toBe('WARNING');
    // its trace levels name no level of their own
    expect(cleanLine('[1745499308.855116] [host:760  :0]      ucp_worker.c:2903 UCX  DIAG  worker 0x754a6ee0 created').level).toBeNull();
    // a bracketed time that is not UCX's (no file:line, component and level) is no such header
    expect(cleanLine('[1745499308.855116] [host:760  :0] something ERROR here').level).not.toBe('ERROR');
  });

  it("reads an error whose reason is a call's errno (strerror's words) as the failure it reports", () => {
    // glibc's texts (sysdeps/gnu/errlist.h); the call failed, its reason named: other, not a cause missing from the log
    expect(category('Loaded plugin UCX', '[1745499308.854013] [node:760  :0]       ib_device.c:1332 UCX  ERROR   ibv_create_ah(dlid=49152 sl=0) for UD mlx5 connect on mlx5_0 failed: No such device', '[1745499308.855116] [node:760  :0]      ucp_worker.c:2903 UCX  WARN  worker 0x754a6ee0: 10 pending operations were not flushed')).toBe('other');
    expect(category('[1749803291.555759] [pod:7053 :0]          tcp_ep.c:1260 UCX  ERROR tcp_ep 0x3c502370 (state=CONNECTED): send(110) failed: Input/output error')).toBe('other');
    // … not a warning of it (the transport goes on), nor an error that names no errno
    expect(category('[1745499308.859784] [node:760  :0]         ib_mlx5.h:965  UCX  WARN  mlx5dv_devx_obj_destroy(SRQ) failed: Invalid argument')).toBe('unknown');
    expect(category('ERROR 05-01 10:00:00 [x.py:1] send(110) failed: see above')).toBe('unknown');
  });

  it("reads vLLM's KV connectors registering the allocated KV cache as the cache sized", () => {
    // local-inference-lab/vllm d19110204c03:vllm/distributed/kv_transfer/kv_connector/v1/nixl_connector.py:487 (after torch.zeros of the caches)
    expect(category('INFO 05-13 22:35:25 [nixl_connector.py:349] Initializing NIXL worker 45027bde', 'DEBUG 05-13 22:36:48 [nixl_connector.py:481] Registering KV_Caches. use_mla: False, shape torch.Size([2, 18844, 16, 8, 128])')).toBe('healthy');
    expect(category('INFO 01-10 10:00:00 [nixl_connector.py:1324] Registering KV_Caches. use_mla: True, kv_buffer_device: cuda, use_host_buffer: False')).toBe('healthy');
    // the connector only initialised is no sign
    expect(category('INFO 05-13 22:35:25 [nixl_connector.py:349] Initializing NIXL worker 45027bde')).toBe('unknown');
  });

  it("reads AITER finding no assembly kernel for this GPU and these types as the backend refused", () => {
    // ROCm/aiter e4048607a535:csrc/py_itfs_cu/asm_mla.cu:182-194 (AITER_CHECK, written bare to stderr, then thrown or aborted)
    expect(category('(Worker_TP1 pid=1389918) [aiter] [fused_moe] using 2stage', '[AITER] /app/aiter/aiter_meta/csrc/py_itfs_cu/asm_mla.cu:193 get_heuristic_kernel_mla: cannot get heuristic kernel! q_type:bf16 kv_type:fp8 gqa:16 ps:0 prefill:0 causal:0 qseqlen:1')).toBe('backend-unsupported');
    expect(category('RuntimeError: get_heuristic_kernel_mla: cannot get heuristic kernel! q_type:bf16 kv_type:bf16 gqa:8 ps:0')).toBe('backend-unsupported');
    // another AITER check is not a kernel refused
    expect(category('RuntimeError: [AITER] /app/aiter/csrc/kernels/mla.cu:12 check failed')).toBe('other');
  });

  it("reads Dynamo's Rust engine failing to import its Python engine as an import failure, whatever the import raised", () => {
    // zifeng175mo/dynamo ccba2c8a0fad:lib/engines/vllm/src/worker.rs:247
    expect(category("thread 'tokio-runtime-worker' panicked at lib/engines/vllm/src/worker.rs:247:17:", "Failed to import python 'vllm' module. Are we running in the correct venv? AttributeError: class must define a '_type_' attribute")).toBe('import-error');
    expect(category("AttributeError: class must define a '_type_' attribute")).toBe('other');
  });

  it("reads the backend's own line under LocalAI's relay (mudler/LocalAI v2.0.0:pkg/model/process.go:109)", () => {
    expect(cleanLine("10:41AM DBG GRPC(gpt-4-127.0.0.1:36865): stderr gguf_init_from_file: failed to open GGUF file '/build/models/x.gguf'").text).toBe("gguf_init_from_file: failed to open GGUF file '/build/models/x.gguf'");
    expect(category("localai-1  | 10:41AM DBG GRPC(gpt-4-127.0.0.1:36865): stderr gguf_init_from_file: failed to open GGUF file '/build/models/x.gguf'", 'localai-1  | 10:41AM INF [llama-cpp] Fails: failed to load model with internal loader: could not load model: rpc error: code = Canceled desc =')).toBe('other');
    // llama.cpp asked for logits it did not compute (unslothai/llama.cpp d32676d77426:src/llama-context.cpp:885), then the backend gone
    expect(category('7:23PM INF [llama-cpp] Loads OK', '7:23PM DBG GRPC(m-127.0.0.1:44125): stderr llama_get_logits_ith: invalid logits id 14, reason: no logits', '7:23PM ERR Server error error="rpc error: code = Unavailable desc = error reading from server: EOF"')).toBe('other');
    // LocalAI's own DBG lines stay its own
    expect(cleanLine('10:41AM DBG Loading model llama-cpp')).toEqual({ text: 'Loading model llama-cpp', level: null });
  });

  it("reads vLLM's tool parser failing on a response as that request's error, its traceback cut or not", () => {
    // jinhuang12/vllm 2a69949bdadf:vllm/tool_parsers/hermes_tool_parser.py:136 (logger.exception, then the output returned as content)
    expect(category('INFO:     100.64.0.25:47480 - "POST /v1/chat/completions HTTP/1.1" 200 OK', 'ERROR 04-05 11:55:07 [hermes_tool_parser.py:110] Error in extracting tool call from response.', 'ERROR 04-05 11:55:07 [hermes_tool_parser.py:110] Traceback (most recent call last):', 'ERROR 04-05 11:55:07 [hermes_tool_parser.py:110]   File "/usr/lib/python3.12/json/decoder.py", line 338, in decode')).toBe('other');
  });

  it("reads SGLang's capture that failed by the error it names, the capture's own only where it names none (the guide's rule 7)", () => {
    // BBuf/sglang 65d3b47f630f:python/sglang/srt/model_executor/cuda_graph_runner.py:718, `Exception(f"Capture cuda graph failed: {e}\n…")`
    expect(category('Exception: Capture cuda graph failed: Unsupported kernel config for moe heuristic dispatch')).toBe('backend-unsupported');
    expect(category('Exception: Capture cuda graph failed: FlashAttention only supports Ampere GPUs or newer.')).toBe('backend-unsupported');
    // an error of the capture itself, or one that names no category, stays the capture's
    expect(category('Exception: Capture cuda graph failed: operation not permitted when stream is capturing')).toBe('graph-capture');
    expect(category('Exception: Capture cuda graph failed: ValueError: bad shape')).toBe('graph-capture');
  });
});
