// A capture step's wrapper read by the error it carries (the labelling guide, rule 7). Pure.
import { messageEvidence, type GenericRule } from './category-evidence.ts';
import type { SignatureHit } from './signature-match.ts';

/**
 * SGLang's capture step re-raises whatever failed in it as `Exception(f"Capture cuda graph failed: {e}\n…")` (BBuf/sglang
 * 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/model_executor/cuda_graph_runner.py:718; its EAGLE drafters' runners alike,
 * speculative/eagle_draft_cuda_graph_runner.py:184): the labelling guide's rule 7 names the error's own category where it names one (a
 * kernel refused: backend-unsupported), the capture's where it names none. The evidence of that error, read without the words around it.
 */
export function failedCapture(sig: SignatureHit, texts: readonly string[]): GenericRule | null {
  if (sig.sig.category !== 'graph-capture') return null;
  const errors = texts.flatMap((t) => CAPTURE_FAILED_WITH.exec(t)?.[1] ?? []);
  const named = errors.length > 0 ? messageEvidence(errors, false) : null;
  return named !== null && named.category !== 'graph-capture' && named.category !== 'other' ? named : null;
}
const CAPTURE_FAILED_WITH = /\b(?:Capture cuda graph failed|(?:Cuda|CUDA) graph capture failed): (\S.*)/;
