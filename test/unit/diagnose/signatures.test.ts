import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INFRA_SIGNATURES, SIGNATURES } from '../../../harness/diagnose/knowledge-base.ts';
import { parseKnowledgeBase } from '../../../harness/diagnose/signature-schema.ts';
import { CATEGORIES } from '../../../harness/core/diagnosis.ts';
import { GENERATED_PATH, YAML_PATH, renderKnowledgeBaseModule } from '../../../scripts/gen-signatures.ts';

describe('the knowledge base', () => {
  it('signatures.generated.ts is up to date with signatures.yaml (run `npx tsx scripts/gen-signatures.ts`)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(renderKnowledgeBaseModule(readFileSync(YAML_PATH, 'utf8')));
  });

  it('has a signature for every failure category, and infra ids for the Docker failures', () => {
    const cats = new Set(SIGNATURES.map((s) => s.category));
    for (const c of CATEGORIES.filter((x) => x !== 'healthy' && x !== 'other' && x !== 'unknown')) expect(cats, c).toContain(c);
    const infra = INFRA_SIGNATURES.map((s) => s.id);
    for (const id of ['image-pull', 'registry-auth', 'gpu-runtime-missing', 'docker-down', 'port-conflict', 'disk-full']) expect(infra).toContain(id);
  });

  it('lists specific signatures before the generic ones of the same failure line', () => {
    const ids = SIGNATURES.map((s) => s.id);
    expect(ids.indexOf('ptx-toolchain-vision-encoder')).toBeLessThan(ids.indexOf('ptx-toolchain-attention'));
    expect(ids.indexOf('ptx-toolchain-attention')).toBeLessThan(ids.indexOf('ptx-toolchain-kernel'));
    expect(ids.indexOf('graph-capture-mtp-triton')).toBeLessThan(ids.indexOf('graph-capture-unsupported-op'));
  });

  it('rejects a signature with an unknown category, a bad regex or an unknown option in a remedy', () => {
    const base = (over: string) => `signatures:\n  - id: x\n    category: oom\n    phase: load\n    patterns: ['a']\n    title: t\n    explanation: e\n${over}`;
    expect(() => parseKnowledgeBase(base(''))).not.toThrow();
    expect(() => parseKnowledgeBase(base('').replace('category: oom', 'category: memory'))).toThrow(/category/);
    expect(() => parseKnowledgeBase(base('').replace("['a']", "['(']"))).toThrow(/regular expression/);
    expect(() => parseKnowledgeBase(base('    remedies: [{ attention: warp }]\n'))).toThrow(/remedies/);
    expect(() => parseKnowledgeBase(base('    remedies: [{ enforce_eager: true }]\n'))).toThrow(/remedies/);
  });
});
