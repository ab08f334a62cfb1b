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
});
