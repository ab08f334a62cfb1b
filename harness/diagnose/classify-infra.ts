// Container runtime (Docker) error messages → infra diagnoses: the runner could not test. Pure.
import type { Diagnosis } from '../core/diagnosis.ts';
import { INFRA_SIGNATURES } from './knowledge-base.ts';

/** Classifies a container runtime (Docker) error message into an infra Diagnosis. */
export function classifyInfra(message: string): Diagnosis {
  const lines = message.split('\n');
  for (const s of INFRA_SIGNATURES) {
    const i = lines.findIndex((l) => s.patternRes.some((r) => r.test(l)));
    if (i < 0) continue;
    return {
      category: s.id,
      confidence: 'signature',
      signature: s.id,
      title: s.title,
      explanation: `${s.explanation} On the runner: ${s.fix}`,
      phase: null,
      evidence: [{ line: i + 1, text: lines[i]!.trimEnd() }],
      remedies: [],
      links: [...s.links],
    };
  }
  const first = lines.findIndex((l) => l.trim().length > 0);
  return {
    category: 'infra-other',
    confidence: 'none',
    signature: 'infra-other',
    title: first >= 0 ? `The container runtime failed: ${lines[first]!.trim().slice(0, 160)}` : 'The container runtime failed',
    explanation: 'The runner could not test this cell; the message matches no known infra signature.',
    phase: null,
    evidence: first >= 0 ? [{ line: first + 1, text: lines[first]!.trimEnd() }] : [],
    remedies: [],
    links: [],
  };
}
