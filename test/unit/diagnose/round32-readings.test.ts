// Readings made this session from tuning logs and upstream sources (rounds 32 onward), each general and with its source in the
// signature or reader it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

const category = (...lines: string[]): string => classifyLog(lines.join('\n')).category;

describe('round 32 readings', () => {
  it("reads vLLM refusing a quantization method its release does not implement, or its platform has no kernels for, as backend-unsupported", () => {
    const tb = ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.10/site-packages/vllm/config.py", line 177, in _verify_quantization', '    raise ValueError('];
    expect(category(...tb, "ValueError: Unknown quantization method: gptq. Must be one of ['awq', 'squeezellm'].")).toBe('backend-unsupported');
    expect(category(...tb, 'ValueError: bitsandbytes quantization is currently not supported in ROCm.')).toBe('backend-unsupported');
  });

  it('leaves a quantization method the checkpoint and the flag disagree on as a configuration error', () => {
    const log = 'ValueError: Quantization method specified in the model config (gptq) does not match the quantization method specified in the `quantization` argument (awq).';
    expect(category(log)).toBe('other');
  });

  it("reads SGLang refusing to start because some GPUs have much less free memory (another process holds it) as out of memory", () => {
    const tp4 = '[2025-11-10 06:12:41 TP4] Scheduler hit an exception: Traceback (most recent call last):';
    const raised = '[2025-11-10 06:12:41 TP4] ValueError: The memory capacity is unbalanced. Some GPUs may be occupied by other processes. min_per_gpu_memory=13.0546875, local_gpu_memory=188.33984375, local_gpu_memory * 0.9=169.505859375';
    expect(category(tp4, raised)).toBe('oom');
    expect(category('RuntimeError: The memory capacity is unbalanced. Some GPUs may be occupied by other processes. pre_model_load_memory=13.5, local_gpu_memory=120.1, local_gpu_memory * 0.9=108.1')).toBe('oom');
  });

  it("leaves Ray finding no free GPU on a node (its own accounting, not the driver) as other", () => {
    expect(category("ValueError: Current node has no GPU available. current_node_resource={'node:10.233.87.77': 1.0, 'CPU': 3.0}. vLLM engine cannot start without GPU.")).toBe('other');
  });

  it("reads PyTorch's out-of-memory report failing its NVML assert as out of memory, in any step, and NVML's other asserts not", () => {
    const assert = (line: number): string => `RuntimeError: NVML_SUCCESS == r INTERNAL ASSERT FAILED at "/pytorch/c10/cuda/CUDACachingAllocator.cpp":${line}, please report a bug to PyTorch. `;
    expect(category('Traceback (most recent call last):', '  File "<string>", line 1, in <module>', assert(1165))).toBe('oom');
    const capture = ['Capturing CUDA graphs (mixed prefill-decode, PIECEWISE):  20%|██        | 10/51', '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/worker/gpu_model_runner.py", line 3450, in capture_model'];
    expect(category(...capture, assert(995))).toBe('oom');
    const p2p = 'RuntimeError: NVML_SUCCESS == DriverAPI::get()->nvmlInit_v2_() INTERNAL ASSERT FAILED at "/pytorch/c10/cuda/PeerToPeerAccess.cpp":78, please report a bug to PyTorch. ';
    expect(category(p2p)).not.toBe('oom');
  });
});
