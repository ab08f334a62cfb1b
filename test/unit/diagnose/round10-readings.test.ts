// Readings added from round 10's tuning misses: "not implemented for <architecture>", a Python warning whose message
// begins on the next line, messages that say the engine goes on with something else, the rests of a line a terminal cut
// (a rest that ended its line, an exception's class cut inside its name), and a JSON body read from its pieces.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { messageEvidence } from '../../../harness/diagnose/category-evidence.ts';
import { GOES_ON } from '../../../harness/diagnose/root-cause.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

describe('an operation "not implemented for" a GPU architecture is a backend refused for this GPU', () => {
  it.each([
    'RuntimeError: Currently, block scaled fp8 gemm is not implemented for Blackwell',
    'RuntimeError: grouped gemm is not yet implemented for Turing GPUs',
    'NotImplementedError: fused MoE is not implemented for sm_75',
  ])('%s', (line) => {
    expect(messageEvidence([line])?.category).toBe('backend-unsupported');
  });

  it('is no GPU refused when it names no GPU or architecture', () => {
    expect(messageEvidence(['NotImplementedError: get_scheduler_metadata is not implemented for xpu_ops'])?.category).not.toBe('backend-unsupported');
    expect(messageEvidence(["RuntimeError: selective_scan_fwd not implemented for input type 'Float8_e4m3fn'"])?.category).not.toBe('backend-unsupported');
  });

  it('decides a traceback that ends in it', () => {
    const log = [
      '  File "/usr/local/lib/python3.12/dist-packages/vllm/_custom_ops.py", line 727, in cutlass_scaled_mm',
      '    torch.ops._C.cutlass_scaled_mm(out, a, b, scale_a, scale_b, bias)',
      'RuntimeError: Currently, block scaled fp8 gemm is not implemented for Blackwell',
    ].join('\n');
    expect(classifyLog(log).category).toBe('backend-unsupported');
  });
});

describe("a Python warning whose message begins on the line after its category (warnings.formatwarning of a message that starts with a newline)", () => {
  const warning = (path: string) => [
    'INFO 06-27 16:37:35 [__init__.py:244] Automatically detected platform cuda.',
    `${path}:287: UserWarning: `,
    'NVIDIA B200 with CUDA capability sm_100 is not compatible with the current PyTorch installation.',
    'The current PyTorch install supports CUDA capabilities sm_50 sm_60 sm_70 sm_75 sm_80 sm_86 sm_90.',
    '',
    '  warnings.warn(',
    'PyTorch version              : 2.7.0+cu126',
  ].join('\n');

  it('is read with its message: the only failure a log without failure or health names (the guide, rule 6)', () => {
    expect(classifyLog(warning('/root/miniconda3/envs/jlp_vllm/lib/python3.12/site-packages/torch/cuda/__init__.py')).category).toBe('no-kernel-image');
    expect(classifyLog(warning('/x/torch/cuda/__init__.py')).category).toBe('no-kernel-image');
    expect(classifyLog(warning('/x/torch/cuda/__init__.py'), { signatures: [] }).category).toBe('no-kernel-image');
  });

  it('is not read from the next line when its message is on its own line', () => {
    const log = [
      '/x/site-packages/torch/cuda/__init__.py:287: UserWarning: TF32 is off by default',
      'NVIDIA B200 is the GPU of rank 0',
      'PyTorch version              : 2.7.0+cu126',
    ].join('\n');
    expect(classifyLog(log).category).toBe('unknown');
  });
});

describe('a message that says the engine goes on with something else in place of what it refused (the guide, rule 6)', () => {
  it.each([
    'CUDAGraphMode.FULL_AND_PIECEWISE is not supported with TritonMLABackend backend (support: AttentionCGSupport.NEVER); setting cudagraph_mode=PIECEWISE because attention is compiled piecewise',
    'SymmMemCommunicator: Device capability 7.5 not supported, communicator is not available.',
    'SymmMemCommunicator: World size 3 not supported, communicator is not available.',
  ])('%s', (line) => {
    expect(GOES_ON.test(line)).toBe(true);
  });

  it.each([
    'CUDAGraphMode.FULL_AND_PIECEWISE is not supported with FlashInferBackend backend (support:AttentionCGSupport.NEVER) ; please try cudagraph_mode=PIECEWISE, and make sure compilation mode is VLLM_COMPILE',
    'RuntimeError: No CUDA GPUs are available',
    'ValueError: the communicator is not available on this platform; cannot start',
  ])('says nothing of going on: %s', (line) => {
    expect(GOES_ON.test(line)).toBe(false);
  });

  it('without its logger header, is no failure of a log that shows the KV cache sized', () => {
    const log = [
      'Maximum concurrency for 120,000 tokens per request: 2.48x',
      'CUDAGraphMode.FULL_AND_PIECEWISE is not supported with TritonMLABackend backend (support: AttentionCGSupport.NEVER); setting cudagraph_mode=PIECEWISE because attention is compiled piecewise',
      '',
    ].join('\n');
    expect(classifyLog(log).category).toBe('healthy');
    const symm = ['vLLM is using nccl==2.28.9', 'SymmMemCommunicator: Device capability 7.5 not supported, communicator is not available.', 'Maximum concurrency for 4,096 tokens per request: 12.5x'].join('\n');
    expect(classifyLog(symm).category).toBe('healthy');
  });

  it('the refusal raised, not gone past, is still the failure', () => {
    const log = [
      'Traceback (most recent call last):',
      '  File "/x/vllm/v1/worker/gpu_model_runner.py", line 6295, in _check_and_update_cudagraph_mode',
      '    raise ValueError(msg)',
      'ValueError: CUDAGraphMode.FULL_AND_PIECEWISE is not supported with FlashInferBackend backend (support:AttentionCGSupport.NEVER) ; please try cudagraph_mode=PIECEWISE, and make sure compilation mode is VLLM_COMPILE',
    ].join('\n');
    expect(classifyLog(log).category).toBe('graph-capture');
  });
});

describe('the rests of a line a terminal cut', () => {
  it('a rest with room left for the next line\'s first word ended its line: the next bare line is its own', () => {
    const long = 'x'.repeat(60);
    const lines = readLog([`INFO 01-02 03:04:05 [a.py:1] ${long}`, 'the rest of it', 'A line of its own that follows the cut one.'].join('\n'));
    expect(lines.map((l) => l.cont)).toEqual([false, true, false]);
  });

  it('a bare line after one cut inside an exception\'s qualified name completes the class', () => {
    const head = '(APIServer pid=1) ERROR 08-07 19:11:43 [serving_chat.py:1050] vllm.v1.engine.exceptions.Engine';
    const lines = readLog([head, 'DeadError: EngineCore encountered an issue. See stack trace (above) for the root cause.'].join('\n'));
    expect(lines[1]!.cont).toBe(true);
    expect(lines[1]!.proc).toBe(lines[0]!.proc);
    expect(classifyLog([head, 'DeadError: EngineCore encountered an issue. See stack trace (above) for the root cause.'].join('\n')).category).toBe('unknown');
  });

  it('is no rest when the line above ends in a whole word, or is short', () => {
    const frame = '  File "/x/vllm/entrypoints/openai/serving_chat.py", line 1050, in chat_completion_stream_generator';
    expect(readLog([frame, '    raise self._format_exception(outputs) from None', 'EngineDeadError: x'].join('\n'))[2]!.cont).toBe(false);
    expect(readLog(['x = vllm.Engine', 'DeadError: x'].join('\n'))[1]!.cont).toBe(false);
  });

  it("a model list curl printed, cut into pieces, is read whole: the server listening", () => {
    const body = '{"object":"list","data":[{"id":"acme/Foo-13B","object":"model","created":1790062454,"owned_by":"vllm","root":"/models/foo","parent":null,"max_model_len":4096}]}';
    const pieces = body.match(/.{1,80}/g)!;
    expect(classifyLog(['==> Ready → http://127.0.0.1:8000/v1', ...pieces].join('\n')).category).toBe('healthy');
  });

  it('a table row under a carrier\'s prefix, as long as a terminal is wide, is read alone too', () => {
    const ts = '2025-01-02T03:04:05.123456789Z ';
    const log = ['============ Serving Benchmark Result ============', 'Successful requests:                     1000      ', 'Benchmark duration (s):                  30.85     '].map((l) => ts + l).join('\n');
    expect(classifyLog(log).category).toBe('healthy');
  });
});

describe("a Python warning's message on the lines after `…: UserWarning:` is the warning's, however short its first line", () => {
  const warning = [
    '/x/torch/cuda/__init__.py:262: UserWarning:',
    'NVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current PyTorch installation.',
    'The current PyTorch install supports CUDA capabilities sm_50 sm_60 sm_70 sm_75 sm_80 sm_86 sm_90.',
    '  warnings.warn(',
  ];

  it('reads the message lines as the rest of the warning, up to the source line it quotes', () => {
    const lines = readLog(warning.join('\n'));
    expect(lines.map((l) => l.cont)).toEqual([false, true, true, false]);
  });

  it('is survived by a server that came up after it (healthy), and decides a start that shows nothing else (rule 6)', () => {
    expect(classifyLog([...warning, 'INFO:     Application startup complete.'].join('\n')).category).toBe('healthy');
    expect(classifyLog([...warning, 'INFO 06-10 10:00:00 [model_runner.py:1] Loading model weights took 14.9 GB'].join('\n')).category).toBe('no-kernel-image');
  });

  it('does not take a levelled line or a frame after it for its message', () => {
    const lines = readLog(['/x/y.py:3: FutureWarning:', 'INFO 06-10 10:00:00 [x.py:1] next', '  File "/x/y.py", line 3, in f'].join('\n'));
    expect(lines.map((l) => l.cont)).toEqual([false, false, false]);
  });
});
