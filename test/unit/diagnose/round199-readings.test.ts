// Readings made in the twenty-ninth session, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { CUDA_ERROR_CODES } from '../../../harness/diagnose/upstream-messages/cuda.ts';

describe('round 199 readings', () => {
  it('reads a cudaError_t printed by its number, in any spelling of "CUDA error", as the category of its name', () => {
    // the numbers and names of CUDA 13.0's include/driver_types.h (CUDA_ERROR_CODES names each line)
    expect(category('Loading model...', 'Cuda Error: 222', 'Aborted (core dumped)')).toBe('ptx-toolchain');
    expect(category('Loading model...', 'cudaError 35 at init', 'Aborted (core dumped)')).toBe('driver-mismatch');
    expect(category('Loading model...', 'CUDA error code=209', 'Aborted (core dumped)')).toBe('no-kernel-image');
    expect(category('Loading model...', 'FATAL: CUDA Runtime Error (901)', 'Aborted (core dumped)')).toBe('graph-capture');
    expect(category('Loading model...', 'CUDA error 100 at ggml-cuda.cu:7', 'Aborted (core dumped)')).toBe('driver-mismatch');
    expect(category('Loading model...', 'CUDA error: 218', 'Aborted (core dumped)')).toBe('ptx-toolchain');
    // ggml's 2023 CUDA_CHECK, "CUDA error %d at %s:%d: %s" (ollama v0.0.15:llm/ggml-cuda.cu:55), its words cut off
    expect(category('llama_model_load_internal: offloading 32 layers to GPU', 'CUDA error 98 at /go/src/github.com/jmorganca/ollama/llm/llama.cpp/ggml-cuda.cu:6047: inv')).toBe('no-kernel-image');
    // the three-digit numbers no other code shares are read after "error" alone too, as before
    expect(category('Loading model...', 'RuntimeError: failed with error code 803', 'Aborted (core dumped)')).toBe('driver-mismatch');
  });

  it('reads a number only where it is the whole number after "CUDA error", and a small number only after "CUDA error"', () => {
    // not another number that begins with a code's digits, nor a decimal, nor a place in a file
    expect(category('Loading model...', 'CUDA error 2220 at x.cu', 'Aborted (core dumped)')).not.toBe('ptx-toolchain');
    expect(category('Loading model...', 'CUDA error 98765', 'Aborted (core dumped)')).not.toBe('no-kernel-image');
    expect(category('Loading model...', 'CUDA error 2.5 seconds after start', 'Aborted (core dumped)')).not.toBe('oom');
    // "error 35" without CUDA before it is no CUDA error (35 is also errno's EDEADLK, and any program's own code)
    expect(category('Loading model...', 'RuntimeError: request failed with error 35', 'Aborted (core dumped)')).not.toBe('driver-mismatch');
    // (each positive beside it: the same lines with CUDA's number read)
    expect(category('Loading model...', 'RuntimeError: CUDA error 35', 'Aborted (core dumped)')).toBe('driver-mismatch');
  });

  it('names each code once, with its enum line in driver_types.h, bare only where it has three digits', () => {
    const codes = CUDA_ERROR_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CUDA_ERROR_CODES) {
      expect(c.source).toMatch(/^cuda-13\.0:include\/driver_types\.h:\d+$/);
      expect(c.name).toMatch(/^cudaError[A-Z]\w+$/);
      if (c.bare) expect(c.code).toBeGreaterThanOrEqual(100);
    }
  });

  it("reads mlx-lm finding no module for a model type ('No module named mlx_lm.models.<type>') as the model unsupported", () => {
    // ml-explore/mlx-lm v0.31.3:mlx_lm/utils.py:188-191: _get_classes imports mlx_lm.models.<model_type> and, on ImportError, raises
    // "Model type <type> not supported."; the ImportError is printed first, as the chained exception's cause
    const tb = ['Traceback (most recent call last):', '  File "/usr/lib/python3.12/site-packages/mlx_lm/utils.py", line 188, in _get_classes', '    arch = importlib.import_module(f"mlx_lm.models.{model_type}")'];
    expect(category(...tb, "ModuleNotFoundError: No module named 'mlx_lm.models.glm4_moe_lite'", '', 'During handling of the above exception, another exception occurred:', '', 'ValueError: Model type glm4_moe_lite not supported.')).toBe('unsupported-model');
    // another module missing is still a package to install
    expect(category(...tb.slice(0, 2), '    import mlx.core as mx', "ModuleNotFoundError: No module named 'mlx'")).toBe('import-error');
  });
});
