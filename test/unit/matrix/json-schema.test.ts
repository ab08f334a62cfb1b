import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matrixJsonSchema } from '../../../harness/matrix/json-schema.ts';

const root = join(import.meta.dirname, '../../..');

describe('matrix/schema.json', () => {
  it('equals a fresh generation from the zod schema (run `npx tsx scripts/gen-schema.ts`)', () => {
    expect(readFileSync(join(root, 'matrix/schema.json'), 'utf8')).toBe(matrixJsonSchema());
  });

  it('describes the axes, forbids unknown keys and carries the id and duration patterns', () => {
    const s = JSON.parse(matrixJsonSchema());
    expect(s.required).toEqual(['version', 'images', 'gpus', 'models']);
    expect(s.additionalProperties).toBe(false);
    const image = s.properties.images.items;
    expect(image.properties.engine.enum).toEqual(['vllm', 'sglang', 'nim']);
    expect(new RegExp(image.properties.id.pattern).test('vllm-0.19')).toBe(true);
    expect(new RegExp(image.properties.id.pattern).test('a/b')).toBe(false);
    expect(new RegExp(s.properties.defaults.properties.timeouts.properties.startup.pattern).test('1h30m')).toBe(true);
    expect(image.properties.emulate.properties.kernels).toBeDefined();
  });
});
