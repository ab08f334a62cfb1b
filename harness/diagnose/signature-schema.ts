// The shape of the knowledge base (signatures.yaml): failure signatures of the engines' logs and
// infra signatures of the container runtime's messages. Validated when the YAML is turned into
// signatures.generated.ts (scripts/gen-signatures.ts), so the classifier reads checked data.
import { z } from 'zod';
import { parse } from 'yaml';
import { ATTENTION_BACKENDS, CUDA_GRAPH_MODES, SPECULATIVE_METHODS } from '../core/cell.ts';
import { CATEGORIES } from '../core/diagnosis.ts';

export const PHASES = ['startup', 'load', 'profile', 'compile', 'kv-cache', 'graph-capture', 'serve'] as const;

const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** One remedy: semantic option changes applied together (engine-neutral). */
export const Remedy = z
  .object({
    attention: z.enum(ATTENTION_BACKENDS).optional(),
    mm_attention: z.enum(ATTENTION_BACKENDS).optional(),
    cuda_graphs: z.enum(CUDA_GRAPH_MODES).optional(),
    speculative: z.object({ method: z.enum(SPECULATIVE_METHODS), tokens: z.number().int().positive() }).strict().optional(),
    tensor_parallel: z.number().int().positive().optional(),
    max_model_len: z.number().int().positive().optional(),
    gpu_memory_utilization: z.number().gt(0).lte(1).optional(),
    language_model_only: z.boolean().optional(),
    trust_remote_code: z.boolean().optional(),
  })
  .strict()
  .refine((r) => Object.keys(r).length > 0, { message: 'a remedy changes at least one option' });
export type Remedy = z.infer<typeof Remedy>;

export const Signature = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    category: z.enum(CATEGORIES).refine((c) => c !== 'healthy', 'a signature is a failure'),
    phase: z.enum(PHASES),
    /** A line matching any of these is the failure line. */
    patterns: z.array(regex).min(1),
    /** When set, at least one must match around the failure line (see contextScope). */
    context: z.array(regex).optional(),
    /** Where context is looked for: the failure's own traceback (default) or anywhere before it in the log. */
    contextScope: z.enum(['traceback', 'log']).default('traceback'),
    /** Engines the signature applies to; all when absent. */
    engines: z.array(z.string()).optional(),
    title: z.string().min(1),
    explanation: z.string().min(1),
    remedies: z.array(Remedy).default([]),
    links: z.array(z.string().url()).default([]),
  })
  .strict();
export type Signature = z.infer<typeof Signature>;

export const InfraSignature = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    patterns: z.array(regex).min(1),
    title: z.string().min(1),
    explanation: z.string().min(1),
    /** What to fix on the runner. */
    fix: z.string().min(1),
    links: z.array(z.string().url()).default([]),
  })
  .strict();
export type InfraSignature = z.infer<typeof InfraSignature>;

export const KnowledgeBase = z
  .object({
    signatures: z.array(Signature).min(1),
    infra: z.array(InfraSignature).default([]),
  })
  .strict()
  .superRefine((kb, ctx) => {
    const seen = new Set<string>();
    for (const s of [...kb.signatures, ...kb.infra]) {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate signature id "${s.id}"` });
      seen.add(s.id);
    }
  });
export type KnowledgeBase = z.infer<typeof KnowledgeBase>;

/** Parses and validates the YAML text of the knowledge base; throws with every problem listed. */
export function parseKnowledgeBase(yamlText: string): KnowledgeBase {
  const r = KnowledgeBase.safeParse(parse(yamlText));
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`signatures.yaml is not valid:\n${lines.join('\n')}`);
  }
  return r.data;
}
