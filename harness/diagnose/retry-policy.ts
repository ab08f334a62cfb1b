// Whether a failed attempt is worth a second one. A retry costs a whole start (minutes of GPU on a
// real runner), so it runs only where the outcome can change: a signature of the knowledge base says
// so itself (`retry:`); a failure without one is judged by its category; anything else (a probe that
// failed on a ready server, a timeout, a crash nothing names) may be transient and is retried.
import { signatureById, isInfraSignature } from './knowledge-base.ts';
import type { Category, Diagnosis } from '../core/diagnosis.ts';

export interface RetryDecision {
  retry: boolean;
  /** Why, in words the console and the report show ("deterministic: ptx-toolchain-attention …"). */
  why: string;
}

/** Categories whose failures the image, the GPU and the options decide, whatever the signature. */
const DETERMINISTIC_CATEGORIES: ReadonlySet<Category | string> = new Set(['ptx-toolchain', 'no-kernel-image', 'unsupported-model', 'backend-unsupported', 'driver-mismatch', 'import-error']);

export function retryDecision(d: Diagnosis | null): RetryDecision {
  const id = d?.signature ?? null;
  const known = id ? signatureById(id) : undefined;
  if (known && isInfraSignature(known)) return { retry: true, why: `${id} is an infrastructure failure (transient)` };
  if (known) {
    return known.retry === 'transient'
      ? { retry: true, why: `${id} is transient` }
      : { retry: false, why: `${id} is deterministic: a retry would fail the same way` };
  }
  if (d && DETERMINISTIC_CATEGORIES.has(d.category)) return { retry: false, why: `a ${d.category} failure is deterministic: a retry would fail the same way` };
  return { retry: true, why: `${id ?? (d ? d.category : 'an unknown failure')} may be transient` };
}
