// What is weighed before a failure is given up as unrecognised (issue #22: the `none` path), and new
// wordings of known failures written for this test (not taken from any corpus log): each must land
// in its category on its own line and at the end of a traceback.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { captureOpenAt, cutMessageEvidence } from '../../../harness/diagnose/fallback-evidence.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

const inTraceback = (msg: string): string => ['Traceback (most recent call last):', '  File "/x/engine.py", line 1, in run', '    go()', msg].join('\n');

describe('new wordings of known failures', () => {
  it.each([
    ['backend-unsupported', 'RuntimeError: This GPU (compute capability 7.5) is too old for the FlashMLA kernels.'],
    ['backend-unsupported', 'ValueError: compute capability 7.0 is below the minimum 8.0 needed by the Marlin kernels'],
    ['backend-unsupported', 'RuntimeError: GPU compute capability 8.6 is lower than the required 9.0 for FA3'],
    ['backend-unsupported', 'NotImplementedError: FlashInfer MLA is only implemented for SM100'],
    ['backend-unsupported', 'RuntimeError: Your device does not support bfloat16; use float16 instead.'],
    ['oom', 'ValueError: No enough memory for the cache blocks; increase gpu_memory_utilization'],
    ['oom', 'ValueError: The KV cache needs 4.0 GiB but only 1.2 GiB is available after loading the weights'],
    ['oom', 'RuntimeError: KV cache pool could not be allocated: memory exhausted'],
    ['oom', 'ValueError: num_gpu_blocks is 0; the model does not leave room for the KV cache'],
    ['oom', 'RuntimeError: max_total_num_tokens is too small to fit the KV cache'],
    ['graph-capture', 'RuntimeError: Failed to capture CUDA graph for batch size 8'],
    ['graph-capture', 'RuntimeError: Error while capturing the cudagraph: illegal operation'],
    ['driver-mismatch', 'RuntimeError: CUDA driver version (12.2) is older than the CUDA runtime version (12.8)'],
    ['driver-mismatch', 'RuntimeError: The installed NVIDIA driver is too old for this CUDA build'],
    ['no-kernel-image', 'torch.AcceleratorError: CUDA error: no kernel image is avail'],
    ['oom', 'RuntimeError: CUDA error: out of mem'],
    ['oom', 'ValueError: The available KV cache memory (-0.52 GiB) is not enough to hold a single block'],
    ['backend-unsupported', 'ValueError: Your GPU (sm_75) cannot run fp8 kernels'],
    ['backend-unsupported', 'RuntimeError: fp8 blockscale gemm supports only Hopper.'],
    // a kernel that refuses a capability below or outside those it supports is refused for this GPU (the guide's table)
    ['backend-unsupported', 'This kernel supports only sm100f.'],
    ['backend-unsupported', 'NotImplementedError: No compiled cutlass_scaled_mm for a SM version less than 7.5'],
    ['oom', 'RuntimeError: Engine loop failed with error: CUDA OOM. Tried to allocate 488.00 MiB.'],
    // SGLang's request slots (as many as --max-running-requests) all taken: a scheduler limit, not GPU memory
    ['other', 'RuntimeError: alloc_req_slots runs OOM. Please set a smaller --max-running-requests'],
    ['backend-unsupported', 'RuntimeError: No supported CUDA architectures found for major versions [10].'],
    ['import-error', "AttributeError: '_OpNamespace' '_C' object has no attribute 'rms_norm'"],
    ['unsupported-model', "KeyError: 'Qwen2_5_VLForConditionalGeneration'"],
    ['unsupported-model', 'AssertionError: Currently supported multi-modal models are llava, blip2-opt and vila. Got qwen2_vl.'],
    ['unsupported-model', 'ValueError: `acme/Foo-13B` is not supported by the turbomind engine'],
    // wordings of the engines' own raise statements (vLLM 22f8d2869, SGLang 65d3b47f6), found by reading their source
    ['backend-unsupported', 'NotImplementedError: FlashInfer GDN MTP verify is not yet supported on SM100+.'],
    ['graph-capture', 'Exception: Capture frozen-KV MTP cuda graph failed: RuntimeError: boom'],
    ['graph-capture', 'RuntimeError: CUDA graph capturing detected at an inappropriate time. This operation is currently disabled.'],
    ['graph-capture', 'RuntimeError: lm_head LoRA with pruned batch info is not supported under CUDA graph.'],
    ['oom', 'RuntimeError: DFLASH draft OOM when allocating 4096 block tokens.'],
    ['oom', 'RuntimeError: Hybrid (mamba/linear-attention) state cache is too small to serve any requests. max_mamba_cache_size=0'],
    // a binary with code for other architectures only is no kernel image for this one …
    ['no-kernel-image', 'RuntimeError: FlashAttention-3 kernels were built for sm90 only; this device is sm86'],
    // … but a kernel not implemented for a capability refuses it (backend-unsupported, as "No compiled … for a compute capability")
    ['backend-unsupported', 'RuntimeError: cutlass_scaled_mm is not implemented for CUDA device capability 75'],
    ['unsupported-model', 'ValueError: The checkpoint you are trying to load has model t'],
  ])('%s: %s', (category, msg) => {
    expect(classifyLog(msg)).toMatchObject({ category, confidence: 'generic' });
    expect(classifyLog(inTraceback(msg))).toMatchObject({ category, confidence: 'generic' });
  });
});

describe('a C++ exception named with its namespace', () => {
  it('is an exception: logged as an error, it is a failure of its own (other), not an error line of unknown cause', () => {
    expect(classifyLog('ERROR 01-02 03:04:05 [worker.py:1] c10::Error: shape mismatch in the rotary cache')).toMatchObject({ category: 'other', confidence: 'none' });
    expect(classifyLog('ERROR 01-02 03:04:05 [worker.py:1] tensorrt_llm::common::TllmException: fp8 blockscale gemm only supports Hopper')).toMatchObject({ category: 'backend-unsupported' });
  });
});

describe('words that only guess at a cause name nothing', () => {
  // SGLang says other ranks failed to load and guesses why: a wrapper, the cause is in the other ranks' output (guide, rule 4)
  it.each([
    "ValueError: TP rank 1 could finish the model loading, but there are other ranks that didn't finish loading. It is likely due to unexpected failures (e.g., OOM) or a slow node.",
  ])('%s', (msg) => {
    expect(classifyLog(msg)).toMatchObject({ category: 'unknown', confidence: 'none' });
  });
});

describe('a failure that only a later error of the build or the environment explains', () => {
  it('is that error: an opaque exception, then ptxas refusing the PTX version', () => {
    const log = ['RuntimeError: CUDA: Error- invalid image', 'the kernel was generated as:', "ptxas /tmp/k, line 5; fatal   : Unsupported .version 7.3; current version is '7.1'"].join('\n');
    const d = classifyLog(log);
    expect(d.category).toBe('ptx-toolchain');
    expect(d.evidence.map((e) => e.line)).toContain(3);
    expect(classifyLog(log, { signatures: [] })).toMatchObject({ category: 'ptx-toolchain', confidence: 'generic' });
  });

  it('is not an error a failure may cause in turn (an NCCL timeout of the ranks left waiting)', () => {
    const log = ['ValueError: rope_scaling must have a type', '', '[Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=ALLREDUCE)'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'other' });
  });

  it("is ptxas when a CalledProcessError names it as the program that failed", () => {
    const log = "subprocess.CalledProcessError: Command '['/x/triton/backends/nvidia/bin/ptxas', '-lineinfo', '--gpu-name', 'sm_120a', '/tmp/k.ptx']' returned non-zero exit status 255.";
    expect(classifyLog(log)).toMatchObject({ category: 'ptx-toolchain', confidence: 'generic' });
    expect(classifyLog("subprocess.CalledProcessError: Command '['python', '-m', 'x']' returned non-zero exit status 1.")).toMatchObject({ category: 'unknown' });
    // … also a command run through the shell, a string: ptxas named as the program, then the capture it broke
    const shell = [
      "subprocess.CalledProcessError: Command '/usr/local/cuda/bin/ptxas -lineinfo -v --gpu-name=sm_87 /tmp/t.ptx -o /tmp/t.ptx.o 2> /tmp/t.log' returned non-zero exit status 255.",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/sgl/model_executor/cuda_graph_runner.py", line 245, in __init__',
      '    self.capture()',
    ].join('\n');
    expect(classifyLog(shell)).toMatchObject({ category: 'ptx-toolchain', evidence: [{ line: 1 }] });
    // a program whose path merely holds the word is not ptxas
    expect(classifyLog("subprocess.CalledProcessError: Command '/opt/bin/ptxas_wrapper.sh -v' returned non-zero exit status 1.").category).not.toBe('ptx-toolchain');
  });
});

describe('failures relayed or quoted by something else', () => {
  it("SGLang's parent announcing a child's sigquit is a wrapper, in either release's wording, also as a logging error's Message:", () => {
    // (logging's handleError prints the record's message after the traceback of its own failure: `Message: '…'`)
    const tail = ['  File "/sgl/srt/entrypoints/engine.py", line 343, in sigquit_handler', '    logger.error(', "Message: 'Received sigquit from a child proces. It usually means the child failed.'"].join('\n');
    expect(classifyLog(tail).category).toBe('unknown');
    expect(classifyLog('[2025-02-20 10:00:00] Received sigquit from a child process. It usually means the child failed.').category).toBe('unknown');
    // the child's own failure before it decides
    expect(classifyLog(['[2025-02-20 10:00:00 TP0] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', '[2025-02-20 10:00:01] Received sigquit from a child proces. It usually means the child failed.'].join('\n')).category).toBe('oom');
    // a word that merely begins so is no wrapper
    expect(classifyLog("ValueError: Received sigquit from a child processor 'x' that is not registered").category).toBe('other');
  });

  it("an INFO line relaying a component's failure with its exception is that failure", () => {
    const log = ['I1216 02:12:42.654863 179 python_be.cc:2289] "TRITONBACKEND_ModelInstanceInitialize: vllm_0_0"', 'I1216 02:12:49.624943 179 pb_stub.cc:388] "Failed to initialize Python stub: TypeError: f() got an unexpected keyword argument \'x\'"'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'other', evidence: [{ line: 2 }] });
  });

  it("a log relayed by another logger has its own message's level (`- INFO - ERROR … engine.py:400] …`)", () => {
    const log = '2025-08-13 04:39:39,837 - __main__ - INFO - ERROR 08-13 04:39:39 engine.py:400] CUDA error: no kernel image is available for execution on the device';
    expect(classifyLog(log, { signatures: [] })).toMatchObject({ category: 'no-kernel-image' });
  });

  it("a person's sentence is read for the message it quotes", () => {
    expect(classifyLog("But it fails, in particular `Model architectures ['FooForCausalLM'] are not supported for now?`", { signatures: [] })).toMatchObject({ category: 'unsupported-model' });
    expect(classifyLog('I still encounter the error: “RuntimeError: FlashAttention only supports Ampere GPUs or newer.”', { signatures: [] })).toMatchObject({ category: 'backend-unsupported' });
    expect(classifyLog('Is `fp8` supported on my A100? The docs say it requires Hopper.')).toMatchObject({ category: 'unknown' });
  });

  it('a sentence is read for the message it cites after saying what failed, advice of what may happen is not', () => {
    // wordings no signature has: only the generic evidence can name them
    expect(classifyLog('tried to serve it in docker, but it errored out: FP8 GEMM needs a GPU with compute capability 8.9 or newer.', { signatures: [] })).toMatchObject({ category: 'backend-unsupported', confidence: 'generic' });
    expect(classifyLog('try to launch the server, but it fails with: the token pool ran out of memory while admitting 3 requests', { signatures: [] })).toMatchObject({ category: 'oom' });
    // the rest a terminal cut off an advice line is read with it
    const head = `Please describe the error or the issue you met in as much detail as you can. / ${'x'.repeat(20)}`;
    expect(classifyLog([head, 'run it in docker, but Error out: FP8 GEMM needs a GPU with compute capability 8.9 or newer.'].join('\n'), { signatures: [] })).toMatchObject({ category: 'backend-unsupported' });
    expect(classifyLog('If it fails with: FP8 GEMM needs a GPU with compute capability 8.9 or newer, use another GPU.').category).toBe('unknown');
    expect(classifyLog('Try a smaller batch when you see the error: the token pool ran out of memory while admitting 3 requests.').category).toBe('unknown');
  });

  it('a line after an image tag of an issue is its own line, and a line cut at a space keeps its rest', () => {
    const msg = "The model's max seq len (4096) is larger than the maximum number of tokens that can be stored in KV cache (1792).";
    const img = '<img width="1029" alt="image" src="https://github.com/acme/x/assets/9131265/d3faa99f-0a6f-4e88-b640-c00839c3ca8c">';
    expect(classifyLog([img, msg].join('\n'), { signatures: [] })).toMatchObject({ category: 'oom' });
    expect(classifyLog([img, `${msg.slice(0, 79)} `, msg.slice(80)].join('\n'), { signatures: [] })).toMatchObject({ category: 'oom' });
  });
});

describe('a message cut inside a fatal error text', () => {
  it('is that error when what is left is more than its first word', () => {
    expect(cutMessageEvidence('RuntimeError: CUDA error: an illegal memory acc')?.category).toBe('other');
    expect(cutMessageEvidence('RuntimeError: CUDA error: operation not permitted when stream is cap')?.category).toBe('graph-capture');
    expect(cutMessageEvidence('ValueError: the provided PTX was compiled with an unsup')?.category).toBe('ptx-toolchain');
  });

  it('is nothing when only a common word is left, or the words run on inside another word', () => {
    expect(cutMessageEvidence('RuntimeError: failed because of an')).toBeNull();
    expect(cutMessageEvidence('RuntimeError: ran without memory')).toBeNull();
    expect(cutMessageEvidence('RuntimeError: layout of mem')).toBeNull();
    expect(cutMessageEvidence('ValueError: flag is out of mem')?.category).toBe('oom');
  });
});

describe('a log cut off inside its last line is not healthy when that line began a failure', () => {
  const start = ['INFO 01-02 03:04:05 [api_server.py:1] vLLM API server version 0.9.0'];
  it.each([
    ['an ERROR header whose message is cut off', '(VllmWorkerProcess pid=2421) ERROR 10-14 12:32:47 '],
    ['a glog error header cut inside', '[rank0]:[E1202 06:25:24.624101061 ProcessGroupNCCL '],
    ['a frame cut inside its path', 'File ".../vllm/model_executor/layers/attention/mm_'],
  ])('%s', (_name, last) => {
    expect(classifyLog([...start, last].join('\n'))).toMatchObject({ category: 'unknown' });
  });
});

describe('a failure raised while CUDA graphs were being captured', () => {
  const capture = (after: string[]): string =>
    ['INFO 01-02 03:04:05 [gpu_model_runner.py:1] Capturing CUDA graphs (decode, FULL)', ...after, 'ERROR 01-02 03:04:09 [core.py:1] AssertionError: block table width 64 < 128'].join('\n');

  it('is graph-capture when the message names nothing else', () => {
    expect(classifyLog(capture([]))).toMatchObject({ category: 'graph-capture', confidence: 'generic' });
    expect(classifyLog(capture(['INFO 01-02 03:04:07 [cuda_graph.py:1] Capturing CUDA graphs (mixed prefill-decode, PIECEWISE)']))).toMatchObject({ category: 'graph-capture' });
  });

  it('is not, once the capture finished or the engine was ready, nor before it began', () => {
    expect(classifyLog(capture(['INFO 01-02 03:04:08 [gpu_model_runner.py:2] Graph capturing finished in 3 secs, took 0.5 GiB']))).toMatchObject({ category: 'other', confidence: 'none' });
    expect(classifyLog('ERROR 01-02 03:04:09 [core.py:1] AssertionError: block table width 64 < 128')).toMatchObject({ category: 'other', confidence: 'none' });
    const lines = readLog(capture(['INFO:     Application startup complete.']));
    expect(captureOpenAt(lines, lines.length - 1)).toBe(false);
  });

  it("is graph-capture when the failure was written on the capture's unfinished progress bar, not on a finished one", () => {
    const bar = 'Capturing CUDA graphs (PIECEWISE):  20%|█▉        | 10/51 [00:00<00:02, 15.63it/s]';
    const failure = '[rank0]:[E903 19:31:55.312683063 shim_common.cpp:523] Exception in aoti_torch: false INTERNAL ASSERT FAILED at "/pytorch/torch/csrc/inductor/aoti_torch/shim_common.cpp":523, please report a bug to PyTorch.';
    const start = 'INFO 09-03 19:31:54 [kv_cache_utils.py:2178] Maximum concurrency for 2,048 tokens per request: 33.66x';
    expect(classifyLog([start, bar + failure].join('\n'))).toMatchObject({ category: 'graph-capture' });
    const done = 'Capturing CUDA graphs (PIECEWISE): 100%|██████████| 51/51 [00:03<00:00, 15.63it/s]';
    expect(classifyLog([start, done + failure].join('\n'))).toMatchObject({ category: 'other' });
    expect(classifyLog([start, failure].join('\n'))).toMatchObject({ category: 'other' });
  });

  it('is still what its message names: an OOM in the capture is oom', () => {
    expect(classifyLog(capture(['ERROR 01-02 03:04:08 [core.py:1] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB']))).toMatchObject({ category: 'oom' });
  });
});

describe('healthy is earned, and so is a failure', () => {
  const start = ['INFO 01-02 03:04:05 [api_server.py:1] vLLM API server version 0.9.0', 'INFO 01-02 03:04:06 [model_runner.py:1] Loading model weights took 14.9 GB'];

  it('a server that shut down before it became ready failed, cause not in the log', () => {
    const log = [...start, 'INFO:     Waiting for application shutdown.', 'INFO:     Application shutdown complete.', 'INFO:     Finished server process [1]'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'unknown', evidence: [{ line: 3 }] });
    expect(classifyLog([...start, 'INFO:     Application startup complete.', 'INFO:     Application shutdown complete.'].join('\n'))).toMatchObject({ category: 'healthy' });
  });

  it('a request answered 200, the routes listed, a throughput line show a serving server, as its ready line does', () => {
    const fatalWarning = 'WARNING 01-02 03:04:07 [x.py:1] cudaErrorInsufficientDriver seen while probing';
    expect(classifyLog([...start, fatalWarning].join('\n'))).toMatchObject({ category: 'driver-mismatch' });
    for (const serving of [
      'INFO:     127.0.0.1:40254 - "POST /v1/chat/completions HTTP/1.1" 200 OK',
      'INFO 01-02 03:04:09 [launcher.py:46] Route: /v1/chat/completions, Methods: POST',
      'INFO 01-02 03:04:09 [loggers.py:1] Engine 000: Avg prompt throughput: 12.5 tokens/s, Avg generation throughput: 40.1 tokens/s',
      '[2025-01-02 03:04:09 TP0] Decode batch, #running-req: 1, #token: 90, token usage: 0.00, gen throughput (token/s): 41.20, #queue-req: 0',
    ]) {
      expect(classifyLog([...start, fatalWarning, serving].join('\n')), serving).toMatchObject({ category: 'healthy', evidence: [{ line: 4 }] });
    }
  });

  it('a line that says it is a warning is one: its signature does not decide once the server is up', () => {
    const w = 'Warning: Failed to initialize NVML, GPU metrics will be missing';
    expect(classifyLog([...start, w, 'INFO:     Application startup complete.'].join('\n'))).toMatchObject({ category: 'healthy' });
  });

  it("a warning in NIM's or TGI's own header is a warning: it decides nothing once the server is up", () => {
    for (const w of ['2024-10-15 12:41:27,805 [WARNING] CUDA out of memory while probing the batch size', '2024-01-02T03:04:05.123456Z  WARN text_generation_launcher: CUDA out of memory while probing the batch size']) {
      expect(classifyLog([...start, w, 'INFO:     Application startup complete.'].join('\n')), w).toMatchObject({ category: 'healthy' });
    }
  });

  it('a warning that says the engine goes on without what failed (falls back, retries, ignores) decides nothing', () => {
    const w = 'WARNING 01-02 03:04:07 [x.py:1] NVML library version mismatch';
    expect(classifyLog([...start, w].join('\n'))).toMatchObject({ category: 'driver-mismatch', confidence: 'signature' });
    for (const goesOn of ['; GPU metrics will not be available', ', falling back to nvidia-smi', ', ignored', '; retrying in 5 s']) {
      // no failure; the start shows no step finished either, so `unknown`, not a failure category
      expect(classifyLog([...start, w + goesOn].join('\n')), goesOn).toMatchObject({ category: 'unknown', title: expect.stringMatching(/^No failure and no sign of health/) });
    }
  });
});
