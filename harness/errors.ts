// Typed errors with codes (the Vitest way). A user-facing error prints `message` and `hint`,
// never a stack trace. The CLI maps each class to an exit code (ARCHITECTURE.md rule 4).

export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

export abstract class HarnessError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
}

export interface MatrixIssue {
  loc: SourceLocation;
  message: string;
  hint?: string;
}

/** One or more mistakes in matrix files; each located as file:line:col. Exit 2. */
export class MatrixError extends HarnessError {
  readonly code = 'ERR_MATRIX';
  readonly exitCode = 2;
  constructor(readonly issues: MatrixIssue[]) {
    super(issues.map(formatMatrixIssue).join('\n'));
  }
}

export function formatMatrixIssue(i: MatrixIssue): string {
  const head = `${i.loc.file}:${i.loc.line}:${i.loc.col}: ${i.message}`;
  return i.hint ? `${head}\n  hint: ${i.hint}` : head;
}

/** Bad command-line usage. Exit 2. */
export class UsageError extends HarnessError {
  readonly code = 'ERR_USAGE';
  readonly exitCode = 2;
}

export type InfraKind =
  | 'docker-down'
  | 'image-pull'
  | 'image-missing'
  | 'registry-auth'
  | 'gpu-runtime-missing'
  | 'gpu-unavailable'
  | 'port-conflict'
  | 'disk-full'
  | 'container-create'
  | 'container-start'
  | 'platform-mismatch'
  | 'model-download'
  | 'store'
  | 'infra-other';

/** The runner could not test: Docker, registry, GPU runtime, disk. Exit 3. */
export class InfraError extends HarnessError {
  readonly code = 'ERR_INFRA';
  readonly exitCode = 3;
  constructor(
    readonly kind: InfraKind,
    message: string,
    hint?: string,
    readonly phase?: string,
  ) {
    super(message, hint);
  }
}

/** A probe could not complete its request (timeout, HTTP error, malformed stream). */
export class ProbeError extends HarnessError {
  readonly code = 'ERR_PROBE';
  readonly exitCode = 1;
  constructor(
    message: string,
    readonly detail: { status?: number; body?: string; cause?: string } = {},
  ) {
    super(message);
  }
}

export type BisectProblem = 'ref-missing' | 'undecided' | 'good-fails' | 'bad-passes' | 'interrupted';

/**
 * `matrix bisect` cannot give an answer: a ref cannot be had, a probe run cannot decide, or --verify
 * found good or bad not to be what they were said to be. Exit 3 when the runner stood in the way, else 1.
 */
export class BisectError extends HarnessError {
  readonly code = 'ERR_BISECT';
  constructor(
    readonly problem: BisectProblem,
    message: string,
    hint: string,
    readonly exitCode: number,
  ) {
    super(message, hint);
  }
}
