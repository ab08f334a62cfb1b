import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinProbes, isModuleRef, resolveProbe } from '../../../harness/probes/registry.ts';
import { UsageError } from '../../../harness/errors.ts';
import jsonMode from '../../../matrix/probes/json-mode.ts';
import { context } from './context.ts';
import { startFixture, type Fixture } from './fixture-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('resolveProbe', () => {
  it('returns the built-ins by name', async () => {
    for (const name of ['text', 'image', 'stream', 'mtp'] as const) {
      const p = await resolveProbe(name, root);
      expect(p).toBe(builtinProbes[name]);
      expect(p.name).toBe(name);
    }
  });

  it('loads a TypeScript module probe relative to the matrix folder (default export)', async () => {
    const p = await resolveProbe('./probes/json-mode.ts', resolve(root, 'matrix'));
    expect(p.name).toBe('json-mode');
    expect(typeof p.run).toBe('function');
  });

  it('loads a .mjs module exporting `probe`', async () => {
    const p = await resolveProbe('./echo.mjs', resolve(root, 'test/fixtures/probes'));
    expect((await p.run(context('http://unused'))).verdict).toBe('pass');
  });

  it('unknown names, missing files and non-probes are usage errors with a hint', async () => {
    await expect(resolveProbe('txet', root)).rejects.toBeInstanceOf(UsageError);
    await expect(resolveProbe('txet', root)).rejects.toMatchObject({ message: 'unknown probe "txet"', hint: 'built-in probes are text, image, stream, mtp, accuracy; a probe module is named by its path, e.g. ./probes/txet.ts' });
    await expect(resolveProbe('./nope.ts', root)).rejects.toThrow(`probe module "./nope.ts" not found: ${resolve(root, 'nope.ts')}`);
    await expect(resolveProbe('./not-a-probe.mjs', resolve(root, 'test/fixtures/probes'))).rejects.toThrow(
      'probe module "./not-a-probe.mjs" does not export a probe: `run(ctx)` must be a function',
    );
  });

  it('tells module references from names', () => {
    expect(isModuleRef('text')).toBe(false);
    expect(isModuleRef('./probes/x.ts')).toBe(true);
    expect(isModuleRef('x.mjs')).toBe(true);
  });
});

describe('json-mode example probe', () => {
  it('asks for a json_schema response and validates it with zod', async () => {
    fixture = await startFixture({ answer: () => '{"answer": 42, "explanation": "17 plus 25 is 42."}' });
    const res = await jsonMode.run(context(fixture.url));
    expect(res.verdict).toBe('pass');
    expect(fixture.requests[0]).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'arithmetic_answer', schema: { type: 'object', required: ['answer', 'explanation'] } } },
    });
  });

  it('fails on text that is not JSON, and on JSON off the schema', async () => {
    fixture = await startFixture({ answer: () => 'The answer is 42' });
    const notJson = await jsonMode.run(context(fixture.url));
    expect(notJson.assertions[0]).toMatchObject({ name: 'json', ok: false });
    await fixture.close();
    fixture = await startFixture({ answer: () => '{"answer": "42"}' });
    const off = await jsonMode.run(context(fixture.url));
    expect(off.verdict).toBe('fail');
    expect(off.assertions.find((a) => a.name === 'schema')?.message).toMatch(/answer/);
  });
});
