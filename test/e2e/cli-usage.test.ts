// The `matrix` command's own usage, through the built CLI as a user types it: `matrix help VERB`,
// `-V`, a did-you-mean for a mistyped option or verb, and `matrix merge`'s user errors (exit 2,
// never a silent merge into the default database).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, workdir } from './support/matrix-cli.ts';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  it('`matrix help run` prints the help of `matrix run`', async () => {
    const viaHelp = await cli(['help', 'run']);
    const viaFlag = await cli(['run', '--help']);
    expect(viaHelp.code, viaHelp.stderr).toBe(0);
    expect(viaHelp.stdout).toMatch(/^matrix run — /);
    expect(viaHelp.stdout).toContain('usage: matrix run ');
    expect(viaHelp.stdout).toContain('--emulate');
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('`matrix help` of a verb that does not exist is a usage error with a suggestion', async () => {
    const r = await cli(['help', 'mrege']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('matrix: unknown command "mrege"');
    expect(r.stderr).toContain('did you mean "merge"?');
  });

  it('`matrix -V` and `matrix --version` print the version of package.json', async () => {
    for (const flag of ['-V', '--version']) {
      const r = await cli([flag]);
      expect(r.code, flag).toBe(0);
      expect(r.stdout, flag).toBe(`${version}\n`);
    }
  });
});

describe('an unknown option', () => {
  it('suggests the closest option of the verb, exit 2, no stack trace', async () => {
    const r = await cli(['run', 'matrix/seeds.yaml', '--emulat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("matrix run: Unknown option '--emulat'");
    expect(r.stderr).toMatch(/hint: did you mean "--emulate"( or [^?]*)?\? \(run `matrix run --help` for the options\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the options of the verb it was given to (--into belongs to merge, not report)', async () => {
    const r = await cli(['report', '--dbb', 'x.sqlite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "--db"?');
    const none = await cli(['report', '--zzzzzzzz']);
    expect(none.code).toBe(2);
    expect(none.stderr).not.toContain('did you mean');
    expect(none.stderr).toContain('run `matrix report --help` for the options');
  });
});

describe('matrix merge, user errors', () => {
  it('without --into refuses (exit 2) and writes no default database', async () => {
    const dir = workdir('merge-usage-');
    const r = await cli(['merge', join(dir, 'shard.sqlite')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('matrix merge: --into is required');
    expect(existsSync(join(dir, '.matrix'))).toBe(false);
    expect((await cli(['merge', '--help'])).stdout).toMatch(/--into PATH\s+the database to merge into .*\(required\)/);
  });

  it('an input that is not a results database is a user error (exit 2), the target untouched', async () => {
    const dir = workdir('merge-usage-');
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'these are not the shards you are looking for\n'.repeat(200));
    const into = join(dir, 'history.sqlite');
    const r = await cli(['merge', notDb, '--into', into]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`matrix merge: ${notDb}: cannot read it as a results database`);
    expect(r.stderr).toContain('hint: ');
    expect(existsSync(into)).toBe(false);
  });
});
