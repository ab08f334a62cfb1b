// How an error reads to the user, and the exit code it maps to (ARCHITECTURE.md rule 4): a typed
// error prints its message and hint, anything else is an internal error with its stack.
import { HarnessError } from '../errors.ts';

export function errorText(e: unknown): { text: string; exitCode: number } {
  if (e instanceof HarnessError) return { text: `${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`, exitCode: e.exitCode };
  return { text: `matrix: internal error: ${(e as Error)?.stack ?? String(e)}`, exitCode: 1 };
}
