// A selected cell never loses its verdict. An error raised while the cell was prepared or run,
// outside the attempt's own handling (a probe that cannot be found, an image that vanished, a bug
// of the harness), becomes the cell's verdict: `infra` — the cell was not tested — with the error's
// message as its evidence. A cell the dispatcher ends without a verdict gets one the same way, or
// is "not run" when the run was interrupted (`--resume` runs it again).
import { InfraError } from '../errors.ts';
import type { Cell } from '../core/cell.ts';
import { infraDiagnosis } from './diagnosis.ts';
import type { AttemptResult, CellResult } from '../core/events.ts';

const HARNESS_HINT = 'the cell was not tested: the message says what failed (a harness bug is worth an issue with this line)';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The cell's verdict when `error` ended it before the attempt could give one. */
export function verdictOfError(cell: Cell, error: unknown, durationMs = 0): CellResult {
  const infra = error instanceof InfraError ? error : new InfraError('infra-other', `the harness failed while preparing or running the cell: ${messageOf(error)}`, HARNESS_HINT, 'harness');
  const attempt: AttemptResult = {
    attempt: 1,
    kind: 'first',
    options: cell.options,
    command: cell.command,
    outcome: 'infra',
    exitCode: null,
    diagnosis: infraDiagnosis(infra),
    steps: {},
    probes: [],
    timeline: [],
    logPath: null,
    logTail: [],
    fingerprint: null,
    containerId: null,
    dockerRun: null,
    error: infra.message,
  };
  return {
    cell,
    verdict: 'infra',
    category: infra.kind,
    signature: infra.kind,
    attempts: [attempt],
    triage: null,
    reason: infra.hint ? `${infra.message} — ${infra.hint}` : infra.message,
    durationMs,
  };
}

/** Cells of `selected` that have neither a verdict nor a place among the interrupted ones. */
export function cellsWithoutVerdict(selected: readonly Cell[], results: readonly CellResult[], interrupted: readonly string[]): Cell[] {
  const ended = new Set([...results.map((r) => r.cell.id), ...interrupted]);
  return selected.filter((c) => !ended.has(c.id));
}

/**
 * Did the interrupt decide this result (the cell is then "not run", and `--resume` runs it)? Only
 * when the verdict is infra from an interrupted attempt: a failure whose triage trial the interrupt
 * cut short keeps its verdict.
 */
export function cutShort(r: CellResult): boolean {
  return r.verdict === 'infra' && r.attempts.at(-1)?.error === 'interrupted';
}
