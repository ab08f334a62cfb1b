// The committed matrices under --emulate: every cell's expectation agrees with what the emulator
// decides for its command line, traits and GPU — so `matrix run matrix/seeds.yaml --emulate`
// reproduces the three seed failures and their workarounds, and nothing else fails.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { decideFailure, type Failure } from '../../../harness/emulator/startup/failures.ts';
import { parseServeArgv } from '../../../harness/emulator/argv/serve-args.ts';
import { expand } from '../../../harness/plan/expand.ts';
import { loadMatrix } from '../../../harness/matrix/load.ts';
import { emulatorConfig, engineArgv, envValues } from '../../../harness/run/container-spec.ts';

const root = join(import.meta.dirname, '../../..');

/** The diagnosis category a failure of the emulator shows up as. */
function category(f: Failure | null): string | null {
  if (f === null) return null;
  if (f.kind === 'kernel-load') return f.error === 'cudaErrorUnsupportedPtxVersion' ? 'ptx-toolchain' : 'no-kernel-image';
  if (f.kind === 'mtp-capture') return 'graph-capture';
  // Both engines print transformers' "does not recognize this architecture" for it.
  if (f.kind === 'unknown-architecture') return 'transformers-unknown-model-type';
  return f.kind;
}

describe.each(['seeds', 'nightly'])('matrix/%s.yaml under --emulate', (name) => {
  const cells = expand(loadMatrix(join(root, `matrix/${name}.yaml`), { env: {} })).filter((c) => c.skip === null);

  it.each(cells.map((c) => [c.id, c] as const))('%s', (_id, cell) => {
    // Older engines take some switches from the environment (VLLM_ATTENTION_BACKEND before vLLM 0.13);
    // the emulated release's parser (vLLM, SGLang) refuses what that release does not define.
    const cfg = emulatorConfig(cell);
    const parsed = parseServeArgv(engineArgv(cell, getEngine(cell.image.engine)), envValues(cell), cell.image.engine === 'nim' ? null : cfg.traits.version);
    if (!parsed.ok) throw new Error(parsed.stderr);
    expect(category(decideFailure(parsed.args, cfg))).toBe(cell.expect?.fail ?? null);
  });
});
