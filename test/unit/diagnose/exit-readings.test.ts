// Readings of how a run ends and of how a kernel refuses a GPU, taken from the interpreter's and the libraries' own words
// (issue #22): an exception Python reports and ignores (a `__del__`, an atexit callback) is no failure; an offline run that
// printed its outputs and then exited ended, it did not stop mid-start; a finished generation printed as its Python object is
// a request answered; TORCH_CHECK's bare condition on the compute capability, "only Hopper GPUs are supported" and "the current
// CUDA device does not support …" refuse this GPU; a GPU's architecture (sm_121) is not a model's.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

const offlineRun = [
  'INFO 05-01 10:00:00 [llm_engine.py:100] Initializing a V1 LLM engine (v0.11.0) with config: model=/models/qwen',
  'Processed prompts: 100%|██████████| 4/4 [00:01<00:00,  3.20it/s, est. speed input: 20.10 toks/s, output: 50.20 toks/s]',
  "Prompt: 'Hello, my name is', Generated text: ' John and I am a student'",
];

const ignoredInDel = [
  'Exception ignored in: <function LLM.__del__ at 0x7f2cccf636a0>',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.12/dist-packages/vllm/entrypoints/llm.py", line 236, in __del__',
  '    self.llm_engine.shutdown()',
  "AttributeError: 'NoneType' object has no attribute 'shutdown'",
];

describe('an exception Python reported and ignored is no failure', () => {
  it('after an offline run that printed its outputs: healthy', () => {
    const d = classifyLog([...offlineRun, ...ignoredInDel].join('\n'));
    expect(d.category).toBe('healthy');
    // (nothing of the ignored exception is shown as evidence)
    expect(d.evidence.every((e) => e.line <= offlineRun.length)).toBe(true);
  });

  it.each([
    ['atexit callback (3.10+)', ['Exception ignored in atexit callback: <function shutdown at 0x7f00>', 'Traceback (most recent call last):', '  File "/x/ray/_private/worker.py", line 1, in shutdown', 'RuntimeError: boom']],
    ['atexit (before 3.10)', ['Error in atexit._run_exitfuncs:', 'Traceback (most recent call last):', '  File "/x/ray/_private/worker.py", line 1, in shutdown', 'RuntimeError: boom']],
    ["a Cython __dealloc__", ["Exception ignored in: 'cupy.cuda.function.Module.__dealloc__'", 'Traceback (most recent call last):', '  File "cupy_backends/cuda/api/driver.pyx", line 247, in cupy_backends.cuda.api.driver.moduleUnload', 'cupy_backends.cuda.api.driver.CUDADriverError: CUDA_ERROR_DEINITIALIZED: driver shutting down']],
  ])('%s, after the outputs: healthy', (_, tail) => {
    expect(classifyLog([...offlineRun, ...tail].join('\n')).category).toBe('healthy');
  });

  it('alone, in a start that shows nothing else: the root cause is not in the log', () => {
    expect(classifyLog(['INFO 05-01 10:00:00 [core.py:1] Starting engine', ...ignoredInDel].join('\n')).category).toBe('unknown');
  });

  it('does not hide the failure that follows it', () => {
    const log = ['INFO starting', ...ignoredInDel, 'Traceback (most recent call last):', '  File "/x/run.py", line 3, in main', 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB'];
    const d = classifyLog(log.join('\n'));
    expect(d.category).toBe('oom');
    expect(d.evidence.map((e) => e.line)).toContain(9);
  });

  it('nor the failure before it, which is the root cause', () => {
    const log = ['Traceback (most recent call last):', '  File "/x/gpu_worker.py", line 180, in init_device', '    raise ValueError(', 'ValueError: Free memory on device (16.01/93.0 GiB) on startup is less than desired GPU memory utilization (0.8, 74.4 GiB). Decrease GPU memory utilization or reduce GPU memory used by other processes.', ...ignoredInDel];
    expect(classifyLog(log.join('\n')).category).toBe('oom');
  });
});

describe('a run that reported its work done and then exited ended; it did not stop mid-start', () => {
  const leaked = '/usr/lib/python3.10/multiprocessing/resource_tracker.py:224: UserWarning: resource_tracker: There appear to be 1 leaked semaphore objects to clean up at shutdown';

  it('outputs, then the interpreter exits: healthy', () => {
    expect(classifyLog([...offlineRun, leaked].join('\n')).category).toBe('healthy');
  });

  it('a start that sized its KV cache and then exited, without outputs: unknown', () => {
    expect(classifyLog(['INFO 05-01 10:00:01 [gpu_worker.py:1] GPU KV cache size: 10,000 tokens', leaked].join('\n')).category).toBe('unknown');
  });
});

describe('a finished generation printed as its Python object is a request answered', () => {
  it.each([
    "ChatCompletion(id='chatcmpl-123', choices=[Choice(finish_reason='stop', index=0, logprobs=None, message=ChatCompletionMessage(content='Hello there', refusal=None, role='assistant'))], created=1, model='m', object='chat.completion')",
    "Completion(id='cmpl-1', choices=[CompletionChoice(finish_reason='length', index=0, logprobs=None, text=' Paris is the capital')], created=1, model='m', object='text_completion')",
    "[RequestOutput(request_id=0, prompt='Hello', prompt_token_ids=[1, 2], encoder_prompt=None, encoder_prompt_token_ids=None, prompt_logprobs=None, outputs=[CompletionOutput(index=0, text=' world', token_ids=[3], cumulative_logprob=None, logprobs=None, finish_reason=length, stop_reason=None)], finished=True)]",
  ])('%s', (line) => {
    expect(classifyLog(line).category).toBe('healthy');
  });

  it.each([
    "ChatCompletion(id='x', choices=[Choice(finish_reason='stop', index=0, logprobs=None, message=ChatCompletionMessage(content='', role='assistant'))])",
    "[RequestOutput(request_id=0, outputs=[CompletionOutput(index=0, text='', token_ids=[], cumulative_logprob=None, logprobs=None, finish_reason=None)], finished=False)]",
    "[RequestOutput(request_id=0, outputs=[CompletionOutput(index=0, text=' wor', token_ids=[3], cumulative_logprob=None, logprobs=None, finish_reason=None)], finished=False)]",
  ])('not when nothing was generated or it has not finished: %s', (line) => {
    expect(classifyLog(line).category).toBe('unknown');
  });
});

const raised = (exception: string): string =>
  ['INFO 05-01 10:00:00 [core.py:1] Starting engine', 'Traceback (most recent call last):', '  File "/x/vllm/model_executor/layers/foo.py", line 10, in forward', '    out = ops.kernel(x)', exception].join('\n');

describe('a kernel that refuses this GPU, in words the signatures do not know (backend-unsupported)', () => {
  it.each([
    'RuntimeError: Expected is_sm80 || is_sm90 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)',
    'RuntimeError: Expected (dprops->major == 8 && dprops->minor == 0) || (dprops->major == 9 && dprops->minor == 0) to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)',
    'RuntimeError: Only Hopper GPUs are supported',
    'AssertionError: only sm90 or sm100 devices are supported',
    'ValueError: The current CUDA device does not support NVFP4',
    'RuntimeError: Unsupported architecture: sm_121',
    'RuntimeError: GPU architecture sm_89 not supported for this kernel',
  ])('%s', (exception) => {
    expect(classifyLog(raised(exception)).category).toBe('backend-unsupported');
  });

  it('a TORCH_CHECK on anything else names no category', () => {
    expect(classifyLog(raised('RuntimeError: Expected in.dtype() == at::kInt to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)')).category).toBe('other');
  });

  it("a model's architecture the registry lacks is still unsupported-model", () => {
    expect(classifyLog(raised('ValueError: Unsupported architectures: FooForCausalLM')).category).toBe('unsupported-model');
    expect(classifyLog(raised('ValueError: Architecture FooForCausalLM not supported')).category).toBe('unsupported-model');
  });
});
