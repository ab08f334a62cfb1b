// Reuse inputs of one small vLLM cell on an h100, for the reuse tests; any field overridden.
import type { ReuseInputs } from '../../harness/core/reuse.ts';

export function inputs(over: Partial<ReuseInputs> = {}): ReuseInputs {
  return {
    imageDigest: 'sha256:aaaa1111bbbb2222cccc3333dddd4444',
    modelRevision: 'main',
    argv: ['vllm', 'serve', 'Qwen/x'],
    env: { VLLM_USE_V1: '1' },
    emulator: null,
    gpu: { name: 'h100', computeCapability: '9.0', driverVersion: '570.1', driverCuda: '12.8' },
    probes: ['text'],
    probeOptions: {},
    timeouts: { startupMs: 1000, probeMs: 1000 },
    retries: 0,
    expect: null,
    harness: '0.1.0+abc',
    ...over,
  };
}
