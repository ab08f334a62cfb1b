// Readings made for round 20's tuning logs (the programs around an engine, distributed serving, quantization), each
// general: a coloured log copied in caret notation, KoboldCpp's benchmark, an error whose message began with a newline,
// a loader's failure before the error that reports it over a cut traceback, PyTorch's allocator warning as the only cause,
// and a warning's signature that does not outweigh a sign of health (the labelling guide, rule 6).
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

describe('round 20 readings', () => {
  it('reads a colour sequence in caret notation as the sequence (gin access log copied from cat -v)', () => {
    const gin = '[GIN] 2024/03/01 - 01:34:07 |^[[97;42m 200 ^[[0m|  7.799372595s |      172.19.0.3 |^[[97;46m POST    ^[[0m "/api/chat"';
    expect(readLog(gin)[0]!.raw).toBe('[GIN] 2024/03/01 - 01:34:07 | 200 |  7.799372595s |      172.19.0.3 | POST     "/api/chat"');
    expect(category(gin)).toBe('healthy');
    // a caret that is not an escape stays
    expect(readLog('x ^[ y')[0]!.raw).toBe('x ^[ y');
  });

  it("counts KoboldCpp's benchmark rate of generated tokens, not a rate of 0", () => {
    expect(category('ProcessingSpeed: 406.84T/s', 'GenerationTime: 26.624s', 'GenerationSpeed: 3.76T/s')).toBe('healthy');
    expect(category('GenerationSpeed: 0.00T/s')).toBe('unknown');
  });

  it("reads the line under an error header whose message began with a newline as that error's message", () => {
    const lines = readLog(['2025-02-28 10:07:21,154 ERROR    14 ', 'Fail to access embedding model(bge-large-zh-v1.5).Connection error.'].join('\n'));
    expect(lines.map((l) => [l.level, l.cont])).toEqual([['ERROR', false], ['ERROR', true]]);
    // not a traceback that follows it: that is read as the traceback it is
    const tb = readLog(['ERROR 01-02 03:04:05 [x.py:1] ', 'Traceback (most recent call last):'].join('\n'));
    expect(tb[1]!.cont).toBe(false);
  });

  it("names the loader's failure, not the error that reports it over a traceback cut before its exception", () => {
    const log = [
      'ggml_backend_cuda_buffer_type_alloc_buffer: allocating 7825.94 MiB on device 0: cudaMalloc failed: out of memory',
      'llama_model_load: error loading model: failed to allocate buffer',
      '15:07:23-688253 ERROR    Failed to load the model.',
      'Traceback (most recen',
    ];
    expect(category(...log)).toBe('oom');
    // an error that names its own failure over the cut traceback is still the cause
    expect(category('llama_model_load: error loading model: failed to allocate buffer', '15:07:23-688253 ERROR    Failed to load the model: CUDA out of memory', 'Traceback (most recen')).toBe('oom');
    // … and one that names nothing but that the load failed does not hold the cause: the cut traceback did (round 47's reading)
    expect(category('15:07:23-688253 ERROR    Failed to load the model.', 'Traceback (most recen')).toBe('unknown');
  });

  const allocator = '[rank1]:[W906 07:46:05.008634648 CUDACachingAllocator.cpp:3933] memory allocation failed with OOM on device 1 while trying to allocate 4334813184 bytes (free: 3779919872, total: 287431131136).';

  it("takes PyTorch's allocator warning as the cause only when nothing else names one and nothing shows health", () => {
    expect(category(allocator, '[2026-09-06 07:46:05 DP1 TP1 EP1] Scheduler hit an exception: Traceback (most recent call last):', '  File "/sgl-workspace/sglang/python/sglang/srt/managers/scheduler.py", line 5156, in run_scheduler_process')).toBe('oom');
    // the allocator retries after it: a run that then finished its work is healthy
    expect(category(allocator, 'Processed prompts: 100%|██████████| 8/8 [00:03<00:00,  2.41it/s]')).toBe('healthy');
  });
});

describe('round 21 readings', () => {
  it("reads transformers' auto preprocessor refusing a model type it does not know as an unsupported model", () => {
    expect(category('ValueError: Unrecognized image processor in Qwen2.5-VL-72B-Instruct-AWQ. Should have a `image_processor_type` key in its preprocessor_config.json of config.json, or one of the following `model_type` keys in its config.json: align, aria, beit')).toBe('unsupported-model');
    expect(category('ValueError: Unrecognized feature extractor in ./whisper-x. Should have a `feature_extractor_type` key in its preprocessor_config.json of config.json, or one of the following `model_type` keys in its config.json: audio-spectrogram-transformer, beit')).toBe('unsupported-model');
  });
});
