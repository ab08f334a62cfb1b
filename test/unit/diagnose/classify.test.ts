import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyInfra, classifyLog, signatureById } from '../../../harness/diagnose/classify.ts';

const seed = (n: string): string => readFileSync(new URL(`../../fixtures/logs/${n}`, import.meta.url), 'utf8');

describe('classifyLog on the seeds', () => {
  it('seed 001 (Thor vision encoder) is the vision-encoder PTX signature, remedy mm_attention first', () => {
    const d = classifyLog(seed('ptx-toolchain/seed-001-thor-vision-encoder.log'));
    expect(d.category).toBe('ptx-toolchain');
    expect(d.signature).toBe('ptx-toolchain-vision-encoder');
    expect(d.remedies[0]).toEqual({ mm_attention: 'sdpa' });
    expect(d.links).toContain('https://github.com/vllm-project/vllm/issues/38411');
    expect(d.evidence[0]!.text).toMatch(/PTX was compiled with an unsupported toolchain/);
    expect(d.evidence[0]!.line).toBe(41);
  });

  it('seed 000 (RTX PRO 6000, language model path) is the attention PTX signature, remedy triton', () => {
    const d = classifyLog(seed('ptx-toolchain/seed-000-qwen3-vl-rtx-pro-6000.log'));
    expect(d.signature).toBe('ptx-toolchain-attention');
    expect(d.remedies[0]).toEqual({ attention: 'triton' });
    expect(d.links).toContain('https://github.com/vllm-project/vllm/issues/30333');
  });

  it('seed 002 (MTP + FULL graphs) is the MTP capture signature in the graph-capture phase, remedy piecewise', () => {
    const d = classifyLog(seed('graph-capture/seed-002-mtp-full-graph-capture.log'));
    expect(d.signature).toBe('graph-capture-mtp-triton');
    expect(d.phase).toBe('graph-capture');
    expect(d.remedies).toEqual([{ cuda_graphs: 'piecewise' }, { cuda_graphs: 'off' }]);
    expect(d.evidence.map((e) => e.text)).toContain('RuntimeError: Triton Error [CUDA]: operation not permitted when stream is capturing');
  });
});

const VISION_TRACE = [
  '\x1b[1;36m(EngineCore_DP0 pid=211)\x1b[0;0m INFO 03-10 13:58:05 [gpu_model_runner.py:4553] Model loading took 1.76 GiB memory and 1.129761 seconds',
  '(EngineCore_DP0 pid=211) ERROR 03-10 13:58:06 [core.py:842] EngineCore failed to start.',
  '(EngineCore_DP0 pid=211) ERROR 03-10 13:58:06 [core.py:842] Traceback (most recent call last):',
  '(EngineCore_DP0 pid=211) ERROR 03-10 13:58:06 [core.py:842]   File "/usr/lib/vllm/model_executor/layers/attention/mm_encoder_attention.py", line 402, in forward_cuda',
  '(EngineCore_DP0 pid=211) ERROR 03-10 13:58:06 [core.py:842]     return self._forward_fa(query, key, value, cu_seqlens, max_seqlen)',
  '(EngineCore_DP0 pid=211) ERROR 03-10 13:58:06 [core.py:842] torch.AcceleratorError: CUDA error: the provided PTX was compiled with an unsupported toolchain.',
  '(APIServer pid=1) ERROR 03-10 13:58:07 [core_client.py:1] RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
];

describe('classifyLog on noisy logs', () => {
  it('sees through ANSI colours, process prefixes and logger headers; evidence keeps the original 1-based lines', () => {
    const d = classifyLog(VISION_TRACE.join('\n'));
    expect(d.signature).toBe('ptx-toolchain-vision-encoder');
    expect(d.phase).toBe('profile');
    expect(d.evidence.map((e) => e.line)).toEqual([4, 6]);
    expect(d.evidence[1]!.text).toBe(VISION_TRACE[5]);
  });

  it('takes the first real exception as root cause, not the wrapper after it', () => {
    const log = [
      '(Worker_TP1 pid=9) ERROR 05-08 19:06:38 [multiproc_executor.py:962] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB.',
      '(Worker_TP0 pid=8) ERROR 05-08 19:06:39 [multiproc_executor.py:962] RuntimeError: NCCL error: unhandled system error',
      '(APIServer pid=1) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
    ].join('\n');
    const d = classifyLog(log);
    expect(d.signature).toBe('oom-cuda');
    expect(d.evidence[0]!.line).toBe(1);
  });

  it('takes an earlier real exception as the root cause, not a known signature that follows it', () => {
    const oom = [
      '(Worker_TP0 pid=8) INFO 05-08 19:06:30 [gpu_model_runner.py:1] Loading weights took 2.10 seconds',
      '(Worker_TP0 pid=8) INFO 05-08 19:06:31 [gpu_model_runner.py:2] Model loading took 15.2 GiB memory',
      '(Worker_TP0 pid=8) INFO 05-08 19:06:32 [kv_cache_utils.py:3] GPU KV cache size: 100 tokens',
      '(Worker_TP0 pid=8) INFO 05-08 19:06:33 [kv_cache_utils.py:4] Maximum concurrency: 1.00x',
      '(Worker_TP0 pid=8) ERROR 05-08 19:06:38 [multiproc_executor.py:962] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB.',
    ];
    // Alone, the OOM line is the oom-cuda signature.
    expect(classifyLog(oom.join('\n')).signature).toBe('oom-cuda');
    const earlier = ['Traceback (most recent call last):', '  File "/x/vllm/config.py", line 1, in <module>', "KeyError: 'rope_scaling'"];
    const d = classifyLog([...earlier, ...oom].join('\n'));
    expect(d).toMatchObject({ category: 'other', signature: null, title: "Unrecognised failure: KeyError: 'rope_scaling'" });
    expect(d.evidence).toEqual([{ line: 3, text: "KeyError: 'rope_scaling'" }]);
  });

  it('does not take warnings that look like errors for the failure', () => {
    const log = [
      "WARNING 06-13 11:42:20 _custom_ops.py:11] Failed to import from vllm._C with ImportError('/x/_C.abi3.so: undefined symbol: _ZN5torch')",
      '[rank0]: Traceback (most recent call last):',
      '[rank0]:   File "/x/vllm/worker/model_runner.py", line 1, in profile_run',
      '[rank0]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB.',
    ].join('\n');
    expect(classifyLog(log).signature).toBe('oom-cuda');
  });

  it('calls a log whose only failure is a wrapper "unknown", pointing at the truncation', () => {
    const d = classifyLog(VISION_TRACE.slice(6).join('\n'));
    expect(d.category).toBe('unknown');
    expect(d.signature).toBeNull();
    expect(d.title).toMatch(/root cause is not in the log/);
    expect(d.evidence).toEqual([{ line: 1, text: VISION_TRACE[6] }]);
  });

  it('calls a traceback cut off before its exception "unknown", not healthy', () => {
    const log = ['INFO 01-11 15:51:18 llm_engine.py:275] # GPU blocks: 229, # CPU blocks: 512', 'Traceback (most recent call last):', '  File "load_llm.py", line 8, in <module>', '    llm = LLM(model=m)'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'unknown', phase: 'kv-cache', evidence: [{ line: 2, text: 'Traceback (most recent call last):' }] });
  });

  it('calls an unknown exception "other" with the first exception line as evidence', () => {
    const log = ['INFO 01-01 00:00:00 [api_server.py:1] vLLM API server version 0.19.0', 'Traceback (most recent call last):', '  File "x.py", line 1', "KeyError: 'rope_scaling'", 'RuntimeError: Engine core initialization failed. See root cause above.'].join('\n');
    const d = classifyLog(log);
    expect(d.category).toBe('other');
    expect(d.evidence).toEqual([{ line: 4, text: "KeyError: 'rope_scaling'" }]);
  });

  it('tolerates a log pasted into an issue: fences, quote marks and a header line', () => {
    const log = ['# source: https://example.invalid/issue', '```text', '> [2025-03-29 18:18:34 TP0] Scheduler hit an exception: Traceback (most recent call last):', '>   File "/sgl/scheduler.py", line 1999, in run_scheduler_process', '> RuntimeError: Not enough memory. Please try to increase --mem-fraction-static.', '```'].join('\n');
    const d = classifyLog(log);
    expect(d.signature).toBe('oom-kv-cache');
    expect(d.evidence[0]!.line).toBe(5);
  });

  it('calls a clean startup healthy, with the ready line as evidence', () => {
    const log = ['(APIServer pid=1) INFO 01-01 00:00:09 [launcher.py:1] Route: /v1/models', '(APIServer pid=1) INFO:     Started server process [1]', '(APIServer pid=1) INFO:     Application startup complete.'].join('\n');
    const d = classifyLog(log);
    expect(d).toMatchObject({ category: 'healthy', signature: null, phase: 'serve' });
    expect(d.evidence).toEqual([{ line: 3, text: '(APIServer pid=1) INFO:     Application startup complete.' }]);
    // healthy is earned: an empty log shows no failure and no sign of health
    expect(classifyLog('')).toMatchObject({ category: 'unknown', confidence: 'none', evidence: [] });
  });

  it('shows a coloured line as evidence the way it reads: without its colour codes or CR', () => {
    const log = '\x1b[1;36m(EngineCore_DP0 pid=7)\x1b[0;0m ERROR 02-23 09:06:43 [core.py:718] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.\r';
    expect(classifyLog(log)).toMatchObject({ category: 'oom', evidence: [{ line: 1, text: '(EngineCore_DP0 pid=7) ERROR 02-23 09:06:43 [core.py:718] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.' }] });
  });

  it('knows the PTX failure of the language model from that of the vision encoder by the traceback', () => {
    const lm = VISION_TRACE.map((l) => l.replace('layers/attention/mm_encoder_attention.py', 'v1/attention/backends/flash_attn.py'));
    expect(classifyLog(lm.join('\n')).signature).toBe('ptx-toolchain-attention');
  });

  it('accepts the engine that wrote the log', () => {
    expect(classifyLog('RuntimeError: CUDA error: no kernel image is available for execution on the device', { engine: 'sglang' }).category).toBe('no-kernel-image');
  });
});

describe('classifyInfra', () => {
  it.each([
    ['Error response from daemon: could not select device driver "" with capabilities: [[gpu]]', 'gpu-runtime-missing'],
    ['connect ENOENT /var/run/docker.sock', 'docker-down'],
    ['Error response from daemon: pull access denied for nvcr.io/nim/x, repository does not exist or may require \'docker login\'', 'registry-auth'],
    ['Error response from daemon: manifest for vllm/vllm-openai:v9.9.9 not found: manifest unknown', 'image-missing'],
    ['Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout', 'image-pull'],
    ['Bind for 0.0.0.0:8000 failed: port is already allocated', 'port-conflict'],
    ['write /var/lib/docker/tmp/x: no space left on device', 'disk-full'],
  ])('%s → %s', (msg, id) => {
    const d = classifyInfra(msg);
    expect(d.category).toBe(id);
    expect(d.signature).toBe(id);
    expect(d.explanation).toMatch(/On the runner:/);
    expect(d.evidence[0]!.line).toBe(1);
  });

  it('falls back to infra-other with the message as title', () => {
    expect(classifyInfra('\nsomething odd happened')).toMatchObject({ category: 'infra-other', evidence: [{ line: 2, text: 'something odd happened' }] });
  });
});

describe('signatureById', () => {
  it('returns plain signature data, infra ones included, undefined when unknown', () => {
    expect(signatureById('graph-capture-mtp-triton')).toMatchObject({ category: 'graph-capture', phase: 'graph-capture' });
    expect(signatureById('graph-capture-mtp-triton')).not.toHaveProperty('patternRes');
    expect(signatureById('gpu-runtime-missing')).toHaveProperty('fix');
    expect(signatureById('nope')).toBeUndefined();
  });
});
