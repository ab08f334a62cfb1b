// Readings made from the tuning logs of rounds 26 to 28 (quantized models, multi-GPU, installs; Blackwell, older GPUs, failures
// after the server is up; logs committed to repositories), each general and with its upstream source in the code it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { category } from '../../support/classify-lines.ts';

const stats = (time: string, tokens: string): string =>
  `(APIServer pid=1) INFO 08-25 ${time} [loggers.py:123] Engine 000: Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: ${tokens} tokens/s, Running: 46 reqs, Waiting: 0 reqs, GPU KV cache usage: 0.8%, Prefix cache hit rate: 6.8%`;

describe('rounds 26-28 readings', () => {
  it("does not take vLLM's first throughput line after a dead worker as serving on: it counts tokens made before the death", () => {
    const died = '(EngineCore_0 pid=271) ERROR 08-25 12:24:19 [multiproc_executor.py:146] Worker proc VllmWorker-1 died unexpectedly, shutting down executor.';
    expect(category(stats('12:24:14', '7480.2'), died, stats('12:24:24', '7599.4'), stats('12:24:34', '0.0'))).toBe('unknown');
    // a second interval with tokens made after the failure is serving on
    expect(category(stats('12:24:14', '7480.2'), died, stats('12:24:24', '7599.4'), stats('12:24:34', '7011.0'))).toBe('healthy');
  });

  it("reads vLLM 0.6's 'Engine loop has died' (its heartbeat found the loop stuck or dead) as a wrapper with no cause of its own", () => {
    expect(category("ERROR 11-05 12:03:00 client.py:250] RuntimeError('Engine loop has died')", 'ERROR 11-05 12:03:00 client.py:250] Traceback (most recent call last):', 'ERROR 11-05 12:03:00 client.py:250]     raise response', 'ERROR 11-05 12:03:00 client.py:250] RuntimeError: Engine loop has died')).toBe('unknown');
  });

  it("reads SGLang's retraction of requests when the KV cache is full as the engine decoding on, not out of memory", () => {
    expect(category('[2025-03-07 21:49:45 TP9] Decode out of memory happened. #retracted_reqs: 1, #new_token_ratio: 0.0980 -> 0.1919')).toBe('healthy');
    expect(category('[2026-01-07 21:49:45 TP0] KV cache pool is full. Retract requests. #retracted_reqs: 2, #new_tokens_gained: 512, #new_token_ratio: 0.1 -> 0.2')).toBe('healthy');
    // a real out of memory still is one
    expect(category('[2025-03-07 21:49:45 TP9] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.')).toBe('oom');
  });

  it("reads PyTorch's no-GPU check as a ROCm build writes it ('No HIP GPUs are available') as no usable GPU, as its CUDA form", () => {
    const log = (kind: string): string[] => ['  File "/opt/venv/lib/python3.10/site-packages/torch/cuda/__init__.py", line 372, in _lazy_init', '    torch._C._cuda_init()', `RuntimeError: No ${kind} GPUs are available`];
    expect(category(...log('HIP'))).toBe('driver-mismatch');
    expect(category(...log('CUDA'))).toBe('driver-mismatch');
  });

  it("reads a server's port already taken (asyncio's bind error, errno 98) as other by its words, with no signature", () => {
    const log = ['INFO:     Application startup complete.', "ERROR:    [Errno 98] error while attempting to bind on address ('127.0.0.1', 30000): address already in use", 'INFO:     Waiting for application shutdown.'];
    expect(classifyLog(log.join('\n'), { signatures: [] })).toMatchObject({ category: 'other', confidence: 'generic' });
    // a rendezvous port of the process group taken is NCCL's
    expect(category('torch.distributed.DistNetworkError: The server socket has failed to listen on any local network address. port: 29500, useIpv6: false, code: -98, name: EADDRINUSE, message: address already in use')).toBe('nccl');
  });
});
