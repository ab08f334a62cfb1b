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
});
