// What a model download reports while it runs (the CLI turns these into progress lines).
export type PullEvent =
  | { kind: 'plan'; name: string; revision: string; commit: string; files: number; bytes: number; missingFiles: number; missingBytes: number }
  | { kind: 'waiting'; pid: number; host: string }
  | { kind: 'file-begin'; path: string; size: number }
  | { kind: 'bytes'; n: number }
  | { kind: 'file-end'; path: string; size: number; seconds: number }
  | { kind: 'retry'; path: string; attempt: number; reason: string }
  | { kind: 'rate-limited'; attempt: number; waitMs: number };
