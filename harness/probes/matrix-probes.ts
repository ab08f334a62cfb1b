// The probes of loaded matrices, resolved when the matrix is planned (`matrix plan`, `matrix run`)
// rather than when a cell runs — the way Playwright fails on a broken config before any test: a
// custom module that does not import, or imports but is not a probe, is a MatrixError located at
// its entry in the YAML, with the import's own message. No cell can then lose its probes mid-run.
import { isAbsolute, relative, sep } from 'node:path';
import { HarnessError, MatrixError, type MatrixIssue } from '../errors.ts';
import type { Matrix } from '../matrix/matrix.ts';
import type { Probe } from './probe.ts';
import { resolveProbe } from './registry.ts';

/** Every probe the matrices name (built-in names and resolved module paths), loaded and checked. */
export async function loadMatrixProbes(matrices: readonly Matrix[]): Promise<Map<string, Probe>> {
  const probes = new Map<string, Probe>();
  const issues: MatrixIssue[] = [];
  for (const m of matrices) {
    for (const [i, name] of m.probes.entries()) {
      if (probes.has(name)) continue;
      try {
        probes.set(name, await resolveProbe(asWritten(name, m.dir), m.dir));
      } catch (e) {
        if (!(e instanceof HarnessError)) throw e;
        const loc = m.locations[`probes.${i}`] ?? m.locations.probes ?? { file: m.file, line: 1, col: 1 };
        issues.push({ loc, message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
      }
    }
  }
  if (issues.length) throw new MatrixError(issues);
  return probes;
}

/** A module path as the matrix wrote it (`./probes/x.ts`), for messages: the plan holds it resolved. */
function asWritten(name: string, dir: string): string {
  if (!isAbsolute(name)) return name;
  const rel = relative(dir, name).split(sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}
