// Readings made in the twenty-first session from tuning logs of rounds 83-93 and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 83-93 readings', () => {
  it('reads a traceback cut at a raise that says no CUDA GPU could be detected as the device not visible', () => {
    // mlc-ai/mlc-llm 5efaa5366040c3b633339ef60434ce1bd9e705ee:mlc_llm/utils.py:521, parse_target: raised when TVM sees no CUDA device
    const cut = [
      'Traceback (most recent call last):',
      '  File "/mlc_llm/mlc_llm/core.py", line 192, in _parse_args',
      '    utils.parse_target(parsed)',
      '  File "/mlc_llm/mlc_llm/utils.py", line 370, in parse_target',
      '    raise ValueError("Cannot detect local CUDA GPU target!")',
    ];
    expect(category(...cut)).toBe('driver-mismatch');
    // … also double-spaced by a page (a blank line between the frame and its raise), and under kubectl's prefix with an empty last line
    // whose space a paste trimmed ("[pod/…/vllm]" alone)
    expect(category(...cut.flatMap((l) => [l, '']))).toBe('driver-mismatch');
    expect(category(...[...cut, ''].map((l) => `[pod/mlc-7d9f8c6b5-x2x9z/mlc] ${l}`.trimEnd()))).toBe('driver-mismatch');
    expect(category('RuntimeError: Could not find any NVIDIA GPU on this machine')).toBe('driver-mismatch');
    // mlc's own fallback to the CPU names no CUDA GPU, and is no failure
    expect(category('Failed to detect local GPU, falling back to CPU as a target', 'Target configured: llvm')).toBe('unknown');
  });

  it("reads bitsandbytes 0.46-0.49 finding no library of its own for this CUDA or ROCm version as a library that could not be loaded", () => {
    // bitsandbytes-foundation/bitsandbytes 0.49.0:bitsandbytes/cextension.py:288 (the raise), :327 (logged at import)
    expect(category(
      '[bitsandbytes.cextension|ERROR]bitsandbytes library load error: Configured ROCm binary not found at /venv/lib/python3.12/site-packages/bitsandbytes/libbitsandbytes_rocm82.so',
      'Traceback (most recent call last):',
      '  File "/venv/lib/python3.12/site-packages/bitsandbytes/cextension.py", line 288, in get_native_library',
      '    raise RuntimeError(f"Configured {BNB_BACKEND} binary not found at {cuda_binary_path}")',
      'RuntimeError: Configured ROCm binary not found at /venv/lib/python3.12/site-packages/bitsandbytes/libbitsandbytes_rocm82.so',
    )).toBe('import-error');
  });

  it("reads Triton's model table row of a model that failed to load with any status code, not only Internal, as the failure it names", () => {
    // triton-inference-server/common 6f614eb19af53169cfb2faa856b0d016744473ce:src/error.cc:42-60, Error::CodeString (the words of every code)
    const table = (status: string): string[] => [
      'I0523 11:03:58.452387 99 server.cc:633] ',
      '+-------------------+---------+------------------------------------------------------------------+',
      '| Model             | Version | Status                                                           |',
      '+-------------------+---------+------------------------------------------------------------------+',
      `| fastertransformer | 1       | ${status} |`,
      '+-------------------+---------+------------------------------------------------------------------+',
    ];
    expect(category(...table('UNAVAILABLE: Unsupported: 1. Number of visible GPUs must be evenly divisble by TP * PP'))).toBe('other');
    expect(category(...table('UNAVAILABLE: Invalid argument: model input dims do not match the config'))).toBe('other');
    // a model loaded: the table is the server's sign of health, not a failure
    expect(category(...table('READY'))).toBe('healthy');
  });

  it("reads dmlc-core's LOG(FATAL) record, the header and message its stack trace follows, as the failure (MLC-LLM's CLI)", () => {
    // dmlc/dmlc-core v0.5:include/dmlc/logging.h:84-90 (StackTrace) and :394-440 (LogMessageFatal): every level writes the same header
    const fatal = [
      'Use MLC config: "/home/user/dist/prebuilt/mlc-chat-vicuna-v1-7b-q3f16_0/mlc-chat-config.json"',
      '[11:37:45] /work/cpp/cli_main.cc:378: Cannot find the model library that corresponds to `vicuna-v1-7b-q3f16_0`.',
      'We searched over the following possible paths: ',
      '- dist/prebuilt/lib ',
      'Stack trace:',
      '  [bt] (0) /home/user/miniconda3/envs/mlc-chat-venv/bin/../lib/libtvm_runtime.so(tvm::runtime::Backtrace[abi:cxx11]()+0x27) [0x2aaaab615a47]',
      '  [bt] (1) mlc_chat_cli(+0xd8b8) [0x5555555618b8]',
    ];
    expect(category(...fatal)).toBe('other');
    // the same header at INFO, no stack after it, is no failure
    expect(category(...fatal.slice(0, 4))).toBe('unknown');
  });

  it("reads CTranslate2's CUDA library that is not found or cannot be loaded as a library that could not be loaded", () => {
    // OpenNMT/CTranslate2 v4.8.1:src/cuda/cublas_stub.cc:67 (nccl_stub.cc:38, mpi_stub.cc:35 alike)
    expect(category('Traceback (most recent call last):', '  File "ctran2_infer.py", line 19, in <module>', '    results = translator.translate_batch(input_data)', 'RuntimeError: Library libcublas.so.11 is not found or cannot be loaded')).toBe('import-error');
    expect(category('RuntimeError: Library cublas64_12.dll is not found or cannot be loaded')).toBe('import-error');
  });
});
