// Readings made in the session of round 22, each general and each with its upstream source in the code it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { category } from '../../support/classify-lines.ts';

describe('round 22 readings', () => {
  it('reads a download refused with an HTTP error status, in its HTTP client\'s words, as the failure (other)', () => {
    // uv (reqwest) under its own error line, pip, and requests' raise_for_status in an error line
    expect(category('error: Failed to download `vllm==0.10.2`', '  Caused by: HTTP status client error (404 Not Found) for url (https://wheels.vllm.ai/0.10.2/vllm-0.10.2-cp38-abi3-manylinux2014_aarch64.whl)')).toBe('other');
    expect(category('ERROR: HTTP error 404 while getting https://download.pytorch.org/whl/cu128/torch-2.7.0.whl')).toBe('other');
    expect(category('ERROR 01-02 03:04:05 [hub.py:12] 404 Client Error: Not Found for url: https://example.com/model.bin')).toBe('other');
    // a success status, or the words without a status, name no failure
    expect(category('ERROR: HTTP error while getting https://x/y.whl')).toBe('unknown');
    // the Hub refusing a gated model keeps its own signature
    expect(classifyLog('requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/m/resolve/main/config.json').signature).toBe('hf-model-access');
  });

  it('reads a crash by a signal with the stack it crashed in as the failure, by where the stack runs', () => {
    // CPython's faulthandler, inside NCCL's all-reduce (pynccl): a crash in the collective library
    const nccl = ['Fatal Python error: Segmentation fault', '', 'Stack (most recent call first):', '  File "/usr/local/lib/python3.10/dist-packages/vllm/distributed/device_communicators/pynccl_wrapper.py", line 257 in ncclAllReduce', '  File "/usr/local/lib/python3.10/dist-packages/vllm/distributed/device_communicators/pynccl.py", line 99 in all_reduce'];
    expect(category(...nccl)).toBe('nccl');
    // UCX's handler, inside its TCP transport: a crash that names no category
    const ucx = ['[host:12796:1:13303] Caught signal 11 (Segmentation fault: invalid permissions for mapped object at address 0x7fbd60001400)', '==== backtrace (tid:  13303) ====', ' 0  /usr/lib/libucs.so.0(ucs_handle_error+0x294) [0x7fbec008fba4]', ' 5  /usr/lib/libuct.so.0(uct_tcp_ep_am_bcopy+0x8a) [0x7fbeb852804a]'];
    expect(category(...ucx)).toBe('other');
    // Abseil's handler under Ray's logging, naming NCCL's proxy
    expect(category('[2024-07-25 10:46:00,050 E 24036 24036] logging.cc:440: *** SIGSEGV received at time=1721904360 on cpu 140 ***', '[2024-07-25 10:46:00,050 E 24036 24036] logging.cc:440: PC: @     0x7f17f832d44a  (unknown)  addProxyOpIfNeeded()')).toBe('nccl');
    // through the CUDA-graph capture step (the guide, rule 7)
    expect(category('Fatal Python error: Segmentation fault', '', 'Current thread 0x00007f (most recent call first):', '  File "/usr/lib/python3/site-packages/torch/cuda/graphs.py", line 88 in capture_begin', '  File "/usr/lib/python3/site-packages/vllm/worker/model_runner.py", line 1200 in capture')).toBe('graph-capture');
    // a bare crash, or one whose stack names nothing, holds no root cause
    expect(category('Segmentation fault (core dumped)')).toBe('unknown');
    expect(category('*** SIGSEGV received at time=1721904360 on cpu 140 ***', 'PC: @     0x7f17f832d44a  (unknown)  (unknown)')).toBe('unknown');
    // a child's exit code is no crash of this process
    expect(category('ERROR: process exited with code 1', '  File "/x.py", line 3 in f')).toBe('unknown');
  });

  it("reads a logger's bare error line right before the traceback it describes as the failure (Python's last-resort handler)", () => {
    expect(category('Error starting router: PD disaggregation mode requires --prefill', 'Traceback (most recent call last):', '  File "<frozen runpy>", line 198, in')).toBe('other');
    // not without the traceback, nor a line that gives no reason
    expect(category('Error starting router: PD disaggregation mode requires --prefill')).toBe('unknown');
    expect(category('Error starting router', 'Traceback (most recent call last):', '  File "<frozen runpy>", line 198, in')).toBe('unknown');
  });

  it('reads the linker not finding a library a JIT-built kernel needs as an import error, libcuda as the driver', () => {
    const build = (lib: string): string[] => ['RuntimeError: ninja exited with status 1', 'stdout:', `/usr/bin/ld: cannot find -l${lib}`, 'collect2: error: ld returned 1 exit status'];
    expect(category(...build('cudart'))).toBe('import-error');
    expect(category(...build('cuda'))).toBe('driver-mismatch');
  });

  it('reads an attention backend refused as not among those a GPU supports as backend-unsupported', () => {
    expect(category("AssertionError: Only {'trtllm_mha', 'triton', 'fa4'} backends are supported on Blackwell GPUs for hybrid GDN models. Got attention_backend=flashinfer.")).toBe('backend-unsupported');
    expect(category('AssertionError: triton, trtllm_mha, fa4, or flashinfer backend are the only supported backends on Blackwell GPUs for hybrid GDN models, use --attention-backend to specify the backend.')).toBe('backend-unsupported');
  });

  it("reads NVSHMEM's failed allgather between PEs at init as communication failing", () => {
    expect(category('/dvs/p4/build/sw/rel/gpgpu/toolkit/r12.8/main_nvshmem/src/host/mem/mem_heap.cpp:630: non-zero status: 7 Failed to allgather PEs peer_base values')).toBe('nccl');
    expect(category('/x/nvshmem/src/modules/bootstrap/uid/bootstrap_uid.cpp:97: non-zero status: -6 ')).toBe('nccl');
  });

  it("reads an engine step that timed out, and a bare cancelled or timed-out wait, as a hang whose cause the log does not hold", () => {
    const log = [
      'ERROR 10-30 11:47:32 async_llm_engine.py:656] Engine iteration timed out. This should never happen!',
      'ERROR 10-30 11:47:32 async_llm_engine.py:56] Engine background task failed',
      'ERROR 10-30 11:47:32 async_llm_engine.py:56] Traceback (most recent call last):',
      'ERROR 10-30 11:47:32 async_llm_engine.py:56]   File "/usr/local/lib/python3.9/asyncio/tasks.py", line 525, in _wait',
      'ERROR 10-30 11:47:32 async_llm_engine.py:56]     await waiter',
      'ERROR 10-30 11:47:32 async_llm_engine.py:56] asyncio.exceptions.CancelledError',
    ];
    expect(category(...log)).toBe('unknown');
    // a timeout with its own message still names its failure
    expect(category('TimeoutError: NCCL watchdog timed out after 600000 ms')).not.toBe('unknown');
  });
});
