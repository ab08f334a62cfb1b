// A fix you can paste: the YAML that adds the flag set triage proved and the expectation that
// keeps the failing one documented. Pure.
import type { SemanticOptions } from '../harness/core/cell.ts';

const PLAIN = /^[A-Za-z0-9_./-]+$/;

/** A YAML flow value: plain scalars bare, the rest as JSON (which YAML reads too). */
function flow(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }`;
  if (typeof v === 'string') return PLAIN.test(v) && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

export interface FixCell {
  image: string;
  gpu: string;
  model: string;
  flags: string;
  /** The flag set's own options (before the fix). */
  flagOptions: Partial<SemanticOptions>;
  signature: string | null;
  category: string | null;
  title: string | null;
}

/** A flag set id for the fixed options: the old id and the fix's values, e.g. "default-mm-attention-sdpa". */
export function fixedFlagSetId(flags: string, fix: Partial<SemanticOptions>): string {
  const words = Object.entries(fix).map(([k, v]) => `${k}-${typeof v === 'object' ? Object.values(v ?? {}).join('-') : String(v)}`);
  return [flags, ...words].join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-');
}

export function fixYaml(c: FixCell, fix: Partial<SemanticOptions>, engineFlags: string[]): string {
  const id = fixedFlagSetId(c.flags, fix);
  const lines = [
    `# triage: ${c.image}/${c.gpu}/${c.model}/${c.flags} passes with ${engineFlags.join(' ') || flow(fix)}`,
    'flags:',
    `  - id: ${id}`,
    `    options: ${flow({ ...c.flagOptions, ...fix })}`,
  ];
  const fail = c.signature ?? c.category;
  if (fail) {
    lines.push('expect:', `  - where: ${flow({ image: c.image, gpu: c.gpu, model: c.model, flags: c.flags })}`, `    fail: ${fail}`);
    lines.push(`    reason: ${JSON.stringify(`${c.title ?? fail}; passes with flags ${id}`)}`);
  }
  return lines.join('\n') + '\n';
}
