// The emulator's vLLM traceback frames name each release's own line of the code they print
// (facts/vllm/traceback-frames.ts), and a release without a cited line gets the nearest release's.
import { describe, expect, it } from 'vitest';
import { VLLM_FACTS } from '../../../../harness/engines/facts/index.ts';
import { apiServerTraceback, engineCoreTraceback, vllmFrameLine } from '../../../../harness/emulator/startup/tracebacks-vllm.ts';
import type { Failure } from '../../../../harness/emulator/startup/failures.ts';

const OOM: Failure = { kind: 'oom', phase: 'load', needGiB: 90, budgetGiB: 70, totalGiB: 80 };
const PY = '/usr/local/lib/python3.12/dist-packages';

/** The line number a traceback gives the frame of `path` in `fn` whose code starts with `code`. */
function lineOf(tb: readonly string[], path: string, fn: string, code: string): number | null {
  const i = tb.findIndex((l, k) => l.startsWith(`  File "${PY}/${path}", line `) && l.endsWith(`, in ${fn}`) && tb[k + 1]!.trim().startsWith(code));
  return i < 0 ? null : Number(/line (\d+)/.exec(tb[i]!)![1]);
}

describe('vLLM traceback frames by release', () => {
  it.each([['0.10.2', 82, 49], ['0.11.0', 83, 50], ['0.14.0', 106, 58], ['0.19.0', 114, 64]] as const)(
    '%s: the engine core\'s load frames at that release\'s lines', (version, executorLine, loadWeightsLine) => {
      const tb = engineCoreTraceback(OOM, 'Qwen3ForCausalLM', 80, version);
      expect(lineOf(tb, 'vllm/v1/engine/core.py', '__init__', 'self.model_executor =')).toBe(executorLine);
      expect(lineOf(tb, 'vllm/model_executor/model_loader/base_loader.py', 'load_model', 'self.load_weights(')).toBe(loadWeightsLine);
    });

  it('prints every cited frame at its release\'s line', () => {
    for (const fact of VLLM_FACTS.frames ?? []) {
      for (const s of fact.sources) expect([s.release, fact.path, vllmFrameLine(fact.path, fact.fn, fact.code, 0, s.release)]).toEqual([s.release, fact.path, s.line]);
    }
  });

  it('derives a line no release cites there from the nearest release that does', () => {
    // `raise e` in run_engine_core is cited from 0.18.0 only (0.11.0's re-raise is written differently).
    expect(vllmFrameLine('vllm/v1/engine/core.py', 'run_engine_core', 'raise e', 1, '0.11.0')).toBe(1103);
    // vllm/attention/layer.py is cited up to 0.15.0: later releases keep 0.15.0's line.
    expect(vllmFrameLine('vllm/attention/layer.py', 'unified_attention_with_output', 'self.impl.forward(', 1, '0.19.0')).toBe(817);
    // No fact: the table's number.
    expect(vllmFrameLine('vllm/nowhere.py', 'f', 'x', 42, '0.19.0')).toBe(42);
  });

  it('the API server traceback moves with the release (api_server.py was split up after 0.15)', () => {
    expect(lineOf(apiServerTraceback('0.11.0'), 'vllm/entrypoints/openai/api_server.py', 'run_server', 'await run_server_worker(')).toBe(1884);
    expect(lineOf(apiServerTraceback('0.19.0'), 'vllm/entrypoints/openai/api_server.py', 'run_server', 'await run_server_worker(')).toBe(670);
  });
});
