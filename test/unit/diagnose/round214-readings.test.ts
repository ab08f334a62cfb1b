// Readings made in the thirty-first session from the tuning logs of rounds 214-232, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 214 readings', () => {
  it("reads TEI's record of a backend that failed to start as the failure it gives the reason of", () => {
    // huggingface/text-embeddings-inference v1.9.3:backends/src/lib.rs:490 and backends/core/src/lib.rs:87 (BackendError::Start)
    expect(category('2025-02-21T12:03:12.972121Z ERROR text_embeddings_backend: backends/src/lib.rs:388: Could not start Candle backend: Could not start backend: cannot find tensor cls.predictions.decoder.weight')).toBe('other');
    // … also a paste that broke the record before the backend's error
    expect(category('ERROR text_embeddings_backend: backends/src/lib.rs:388:', 'Could not start Candle backend:', 'Could not start backend: cannot find tensor cls.predictions.decoder.weight')).toBe('other');
    // … a reason that names a category keeps it
    expect(category('2024-11-02T10:00:00Z ERROR text_embeddings_backend: backends/src/lib.rs:388: Could not start Candle backend: Could not start backend: Runtime compute cap 75 is not compatible with compile time compute cap 80')).toBe('no-kernel-image');
    // … the wrapper alone, its causes not in the log, names none
    expect(category('Could not start backend: Could not start a suitable backend')).toBe('unknown');
  });

  it("reads a KeyError on a GPU architecture as a table that has no entry for this GPU (AITER's GPU map)", () => {
    // ROCm/aiter e4048607a535:aiter/jit/utils/chip_info.py:56-62 (`return gfx_mapping[gfx]`, then "Unknown GPU architecture: …")
    expect(category('Traceback (most recent call last):', '  File "/src/aiter/aiter/jit/utils/chip_info.py", line 63, in get_gfx_custom_op_core', '    return gfx_mapping[line.split(":")[-1].strip()]', "KeyError: 'gfx1151'")).toBe('backend-unsupported');
    expect(category('Traceback (most recent call last):', '  File "/app/configs.py", line 12, in get_config', '    return TUNED[arch]', "KeyError: 'sm_120'")).toBe('backend-unsupported');
    // a KeyError on anything else is not
    expect(category('Traceback (most recent call last):', '  File "/app/loader.py", line 12, in load', '    return weights[name]', "KeyError: 'model.layers.0.mlp.gate.weight'")).toBe('other');
  });

  it("reads vLLM's quantized GEMMs refusing an activation that is not half precision as the backend refused", () => {
    // jinhuang12/vllm 0983869e7dad:csrc/quantization/gptq_marlin/gptq_marlin.cu:955; local-inference-lab/vllm 28be48fa944d:csrc/moe/moe_wna16.cu:339
    expect(category('(Worker_TP0_EP0 pid=110162) ERROR 11-17 07:54:19 [multiproc_executor.py:815] RuntimeError: gpt_marlin_gemm only supports bfloat16 and float16')).toBe('backend-unsupported');
    expect(category('RuntimeError: moe_wna16_gemm only supports bfloat16 and float16')).toBe('backend-unsupported');
    // a kernel that supports only some shapes is not this reading
    expect(category('RuntimeError: my_gemm only supports 2D inputs')).toBe('other');
  });

  it("reads a kernel library's static assertion in a JIT build as the kernel refused for this configuration", () => {
    const assertion = '/venv/lib/python3.12/site-packages/flashinfer/data/cutlass/include/cute/arch/mma_sm90.hpp(6108): error: static assertion failed with "MajorB must be GMMA::Major::K for this config."';
    expect(category('(EngineCore_DP0 pid=2247011) ERROR 01-06 23:16:01 [core.py:900] ' + assertion)).toBe('backend-unsupported');
    // gcc's form
    expect(category('/build/csrc/cutlass/include/cutlass/gemm/kernel/sm90_gemm.hpp:120:5: error: static assertion failed: Unsupported element type')).toBe('backend-unsupported');
    // a static assertion in the project's own code is not a kernel library refusing
    expect(category('/build/csrc/my_ops.cu(12): error: static assertion failed with "bad size"')).not.toBe('backend-unsupported');
  });

  it("reads CUTLASS's TMA descriptor refused as not supported (801) as a GPU without TMA", () => {
    // NVIDIA/cutlass 7107b05535f8:include/cute/atom/copy_traits_sm90_tma.hpp:1085
    expect(category('Error: Failed to initialize the TMA descriptor 801', 'TMA Desc Addr:   0xfffe8d7f6a80', 'format         9', 'dim            4')).toBe('backend-unsupported');
    // another code (a fault surfacing there) is not a refusal
    expect(category('Error: Failed to initialize the TMA descriptor 700')).not.toBe('backend-unsupported');
  });

  it("reads Ollama's slog record of its listener as health also when a paste cut it before the version", () => {
    // ollama v0.5.7:server/routes.go:1238 (`slog.Info(fmt.Sprintf("Listening on %s (version %s)", …))`)
    expect(category('time=2024-07-13T18:45:42.101Z level=INFO source=images.go:767 msg="total unused blobs removed: 0"', 'time=2024-07-13T18:45:42.101Z level=INFO source=routes.go:987 msg="Listening on [::]:11434')).toBe('healthy');
    // the same words from another program's record are not Ollama's listener
    expect(category('time=2024-07-13T18:45:42.101Z level=INFO source=main.go:12 msg="Listening on [::]:11434')).toBe('unknown');
  });
});
