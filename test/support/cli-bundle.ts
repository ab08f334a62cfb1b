// Before any test runs the built CLI (end-to-end and browser tests): build it, and refuse to go on
// when the build fails or the bundle is still older than its sources. A failed build must fail the
// suite, never let it test yesterday's dist/ (scripts/bundle-sources.mjs keeps the record).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

async function node(script: string): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [script], { cwd: ROOT });
  } catch (e) {
    const out = (e as { stderr?: string; stdout?: string }).stderr || (e as { stdout?: string }).stdout || String(e);
    throw new Error(`node ${script} failed, so no test may run the CLI bundle:\n${out.slice(0, 4000)}`, { cause: e });
  }
}

/** Builds dist/ with scripts/build.mjs and checks that every bundle matches its sources; throws otherwise. */
export async function buildFreshCli(): Promise<void> {
  await node('scripts/build.mjs');
  await node('scripts/check-bundle.mjs');
}
