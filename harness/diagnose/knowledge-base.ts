// The knowledge base with its regular expressions compiled once. Data comes from
// signatures.generated.ts (generated from signatures.yaml), so the bundle needs no file at run time.
import type { InfraSignature, Signature } from './signature-schema.ts';
import { KNOWLEDGE_BASE } from './signatures.generated.ts';

export interface CompiledSignature extends Signature {
  patternRes: RegExp[];
  contextRes: RegExp[] | null;
}

export interface CompiledInfraSignature extends InfraSignature {
  patternRes: RegExp[];
}

const compile = (ps: string[]): RegExp[] => ps.map((p) => new RegExp(p, 'i'));

export const SIGNATURES: readonly CompiledSignature[] = KNOWLEDGE_BASE.signatures.map((s) => ({
  ...s,
  patternRes: compile(s.patterns),
  contextRes: s.context ? compile(s.context) : null,
}));

export const INFRA_SIGNATURES: readonly CompiledInfraSignature[] = KNOWLEDGE_BASE.infra.map((s) => ({
  ...s,
  patternRes: compile(s.patterns),
}));

const BY_ID = new Map<string, Signature | InfraSignature>([
  ...SIGNATURES.map((s) => [s.id, s] as const),
  ...INFRA_SIGNATURES.map((s) => [s.id, s] as const),
]);

/** A log signature or an infra signature by id; undefined when unknown. */
export function signatureById(id: string): Signature | InfraSignature | undefined {
  const s = BY_ID.get(id);
  if (!s) return undefined;
  // hand out the plain data, without the compiled expressions
  const { patternRes: _p, contextRes: _c, ...plain } = s as CompiledSignature;
  return plain;
}

export function isInfraSignature(s: Signature | InfraSignature): s is InfraSignature {
  return 'fix' in s;
}
