// Readings that helpers reading engine and library source found wrong (issue #22), each fixed at its cause:
// an ImportError raised to refuse a GPU, a DeepGEMM assertion that names the CUDA compiler, a message that says what
// failed to initialise and why, and TGI's "Shard ready" written before the router's warm-up. Messages are upstream's
// words (sources in category-evidence.ts, log-lines.ts, health-evidence.ts); the logs around them are made up.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { messageEvidence } from '../../../harness/diagnose/category-evidence.ts';
import { healthKindOf } from '../../../harness/diagnose/health-evidence.ts';
import { isWrapperLine, readLog } from '../../../harness/diagnose/log-lines.ts';

const traceback = (file: string, exception: string): string =>
  ['Traceback (most recent call last):', `  File "${file}", line 217, in <module>`, '    raise ImportError(', exception].join('\n');

describe('an ImportError raised to refuse this GPU, device or platform is read by its words', () => {
  it.each([
    // huggingface/text-generation-inference v3.3.7 layers/attention/cuda.py:217-218, rocm.py:262-266, __init__.py:28, cuda.py:192
    'ImportError: GPU with CUDA capability 7 0 is not supported',
    'ImportError: AMD GPU Radeon RX 7900 XTX does not support flash-attention',
    'ImportError: AMD GPU with ROCm capability 9 4 is not supported',
    "ImportError: System cpu doesn't support flash/paged attention",
    'ImportError: FlashAttention only supports Ampere GPUs or newer.',
  ])('%s → backend-unsupported, over the signature that reads the class', (exception) => {
    const d = classifyLog(traceback('/opt/conda/lib/python3.11/site-packages/text_generation_server/layers/attention/cuda.py', exception));
    expect(d.category).toBe('backend-unsupported');
    expect(classifyLog(traceback('/x/attention.py', exception), { signatures: [] }).category).toBe('backend-unsupported');
    expect(messageEvidence([exception])?.category).toBe('backend-unsupported');
  });

  it.each([
    "ModuleNotFoundError: No module named 'flash_attn_cuda'",
    "ImportError: cannot import name 'get_device_capability' from 'vllm.platforms' (/x/vllm/platforms/__init__.py)",
    'ImportError: /x/sgl_kernel/common_ops.abi3.so: undefined symbol: _ZN3c104cuda9SetDeviceEa',
    'ImportError: libcudart.so.12: cannot open shared object file: No such file or directory',
    'ImportError: DLL load failed while importing _C: The specified module could not be found.',
    // a version pairing refused at import, a package to install: still an import that failed
    'ImportError: flash_attn 2.5.0 is not supported, please install flash_attn>=2.6.3',
    'ImportError: sgl-kernel version 0.1.0 is not supported on this GPU platform, please upgrade to 0.3.0',
    'ImportError: Flash Attention V2 is not installed.',
  ])('%s stays import-error', (exception) => {
    expect(classifyLog(traceback('/x/module.py', exception)).category).toBe('import-error');
    expect(classifyLog(traceback('/x/module.py', exception), { signatures: [] }).category).toBe('import-error');
  });

  it('takes the first refusal of a chained traceback (the Ampere check, then the module, then the capability)', () => {
    const log = [
      traceback('/x/text_generation_server/layers/attention/cuda.py', 'ImportError: FlashAttention only supports Ampere GPUs or newer.'),
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      traceback('/x/text_generation_server/layers/attention/cuda.py', "ModuleNotFoundError: No module named 'flash_attn_cuda'"),
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      traceback('/x/text_generation_server/layers/attention/cuda.py', 'ImportError: GPU with CUDA capability 7 0 is not supported'),
    ].join('\n');
    expect(classifyLog(log).category).toBe('backend-unsupported');
  });
});

describe("a DeepGEMM assertion is read by its words when they name the CUDA compiler its JIT runs", () => {
  it.each([
    // deepseek-ai/DeepGEMM 54e22612 csrc/jit/compiler.hpp:187, :261, :228, :175
    'RuntimeError: Assertion error (/deepgemm/csrc/jit/compiler.hpp:187): (major > 12 or (major == 12 and minor >= 3)) and "NVCC version should be >= 12.3"',
    'RuntimeError: Assertion error (/workspace/.deps/deepgemm-src/csrc/jit/compiler.hpp:261): (major > 12 or (major == 12 and minor >= 3)) and "NVRTC version should be >= 12.3"',
    'RuntimeError: Assertion error (/deepgemm/csrc/jit/compiler.hpp:228): false and "NVCC compilation failed"',
    'RuntimeError: Assertion error (/usr/local/lib/python3.12/dist-packages/deep_gemm/csrc/jit/compiler.hpp:175): std::filesystem::exists(nvcc_path)',
  ])('%s → ptx-toolchain', (message) => {
    expect(messageEvidence([message])?.category).toBe('ptx-toolchain');
    expect(classifyLog(message).category).toBe('ptx-toolchain');
  });

  it.each([
    'RuntimeError: Assertion error (/deepgemm/csrc/apis/attention.hpp:219): Unsupported architecture',
    'RuntimeError: Assertion error (/workspace/.deps/deepgemm-src/csrc/apis/layout.hpp:60): Unknown SF transformation',
    // an assertion on the GPU architecture names no compiler
    'RuntimeError: Assertion error (/deepgemm/csrc/apis/gemm.hpp:40): arch_major == 9 or arch_major == 10',
  ])('%s stays backend-unsupported', (message) => {
    expect(messageEvidence([message])?.category).toBe('backend-unsupported');
  });
});

describe('a message that says what failed to initialise and why is no wrapper', () => {
  const wrapper = (text: string): boolean => isWrapperLine(readLog(text)[0]!);

  it('reads PyTorch\'s "CUDA driver initialization failed, you might not have a CUDA gpu." as the driver failing', () => {
    // pytorch/pytorch 01a6a16d9bb6:c10/cuda/CUDAFunctions.cpp:59
    const msg = 'RuntimeError: CUDA driver initialization failed, you might not have a CUDA gpu.';
    expect(wrapper(msg)).toBe(false);
    const log = ['Traceback (most recent call last):', '  File "/x/torch/cuda/__init__.py", line 302, in _lazy_init', '    torch._C._cuda_init()', msg].join('\n');
    expect(classifyLog(log).category).toBe('driver-mismatch');
    expect(classifyLog('ERROR 01-01 00:00:01 [engine.py:400] CUDA driver initialization failed, you might not have a CUDA gpu.').category).toBe('driver-mismatch');
  });

  it.each([
    'RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
    'RuntimeError: Engine core initialization failed.',
    '[2026-09-14 23:19:59] ERROR Initialization failed. warmup error: Traceback (most recent call last):',
    'RuntimeError: Initialization failed. Please see the error messages above.',
    '[TensorRT-LLM][ERROR] Executor initialization failed',
    'Exception: WorkerProc initialization failed due to an exception in a background process. See stack trace for root cause.',
    'RuntimeError: Initialization failed: see the logs above',
  ])('%s stays a wrapper', (line) => {
    expect(wrapper(line)).toBe(true);
    expect(classifyLog(line).category).toBe('unknown');
  });
});

describe("TGI's \"Shard ready in\" is no sign of health by itself: the router's warm-up comes after it", () => {
  const kind = (line: string): string | null => healthKindOf(readLog(line)[0]!);
  const start = [
    '2024-07-01T10:00:05.000000Z  INFO shard-manager: text_generation_launcher: Starting shard rank=0',
    '2024-07-01T10:00:25.000000Z  INFO shard-manager: text_generation_launcher: Shard ready in 20.113842567s rank=0',
    '2024-07-01T10:00:25.100000Z  INFO text_generation_launcher: Starting Webserver',
    '2024-07-01T10:00:25.200000Z  INFO text_generation_router_v3: backends/v3/src/lib.rs:125: Warming up model',
  ];

  it('is not a sign (huggingface/text-generation-inference v3.3.7:launcher/src/main.rs:1240)', () => {
    expect(kind(start[1]!)).toBeNull();
    expect(kind('Shard ready in 1.2s')).toBeNull();
    expect(classifyLog(start.join('\n')).category).toBe('unknown');
  });

  it('a later sign still shows health: the batch budget read back from the warm-up', () => {
    const log = [...start, '2024-07-01T10:00:30.200000Z  INFO text_generation_router_v3: backends/v3/src/lib.rs:137: Setting max batch total tokens to 150000'];
    expect(classifyLog(log.join('\n')).category).toBe('healthy');
  });

  it('other lines that report a ready state are still signs', () => {
    expect(kind('check: all 8 devices ok')).toBe('success');
    expect(kind('graph replay: ready')).toBe('success');
  });
});

describe("vLLM's context-parallel checks name the attention implementation that cannot do what DCP, PCP or MTP needs", () => {
  // vLLM 396c8fee5071117914104244cc962db805ab0af0:vllm/v1/worker/cp_utils.py:26-43 (0.14's wording: 8ef50d9a6b91:…:30-35)
  const refusals = [
    'AssertionError: Decode Context Parallelism (DCP) requires attention implementations to return the softmax LSE during decode, but FlashInferMLASparseSM120Impl does not. Try a different backend by setting --attention-backend or disable DCP.',
    'AssertionError: DCP requires attention impls to return the softmax lse for decode, but the impl FlashAttentionImpl does not return the softmax lse for decode.',
    "AssertionError: PCP requires attention impls' support, but the impl TritonAttentionImpl does not support PCP.",
    'AssertionError: MTP with cp_kv_cache_interleave_size > 1 is not supported in FlashMLAImpl.',
  ];

  it('reads each as the backend refusing this configuration, in a traceback too', () => {
    expect(refusals.map((m) => messageEvidence([m])?.category)).toEqual(refusals.map(() => 'backend-unsupported'));
    expect(classifyLog(traceback('/usr/local/lib/python3.12/dist-packages/vllm/v1/worker/cp_utils.py', refusals[0]!)).category).toBe('backend-unsupported');
  });

  it('reads no class that is not an implementation, nor an implementation that does what was asked', () => {
    expect(messageEvidence(['AssertionError: expected the tokenizer to return ids, but TokenizerWrapper does not'])).toBeNull();
    expect(messageEvidence(['AssertionError: FlashAttentionImpl does return the softmax lse for decode'])).toBeNull();
  });
});
