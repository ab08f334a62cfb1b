// The closing lines of the suite, over every runner (vitest's and Playwright's JSON reports): each
// failed test by name with the first line of its error (CI shows only the tail of a long run), each
// skipped test by name, each reason the gate fails although no test failed (a runner that wrote no
// results, one that ran no test at all, a CLI bundle that did not build), then "tests: N passed,
// N failed, N skipped". Exits 1 when anything failed or a runner tested nothing: a suite whose
// tests were all skipped is not green.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIPPED = new Set(['skipped', 'pending', 'todo', 'disabled']);
/** The first non-empty line of an error message, without terminal colours, cut to one line of a terminal. */
const firstLine = (message) => (String(message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);

/** vitest's JSON report: counts and the skipped tests as "file › describe › test". */
function vitest(path) {
  const v = JSON.parse(readFileSync(path, 'utf8'));
  // A file that fails to load fails no test of its own: count it as one failure.
  const brokenFiles = (v.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  const named = (status) => (v.testResults ?? []).flatMap((f) =>
    (f.assertionResults ?? []).filter((a) => status(a.status)).map((a) => ({ name: [relative(process.cwd(), f.name), ...(a.ancestorTitles ?? []), a.title].join(' › '), why: firstLine(a.failureMessages?.[0]) })),
  );
  const failedNames = [
    ...named((s) => s === 'failed').map(({ name, why }) => `${name}${why ? `: ${why}` : ''}`),
    ...brokenFiles.map((f) => `${relative(process.cwd(), f.name)} (the file failed: ${firstLine(f.message) || 'see above'})`),
  ];
  const skippedNames = named((s) => SKIPPED.has(s)).map(({ name }) => name);
  return { passed: v.numPassedTests ?? 0, failed: (v.numFailedTests ?? 0) + brokenFiles.length, skipped: (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0), skippedNames, failedNames };
}

/** Playwright's JSON report: the same, with the reason a test gave for skipping. */
function playwright(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const s = report.stats ?? {};
  const skippedNames = [];
  const failedNames = [];
  const walk = (suite, titles) => {
    const here = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected') {
          const why = firstLine(t.results?.at(-1)?.error?.message);
          failedNames.push(`test/browser/${spec.file} › ${[...here, spec.title].join(' › ')}${why ? `: ${why}` : ''}`);
        }
        if (t.status !== 'skipped') continue;
        const why = (t.annotations ?? []).find((a) => a.type === 'skip' && a.description)?.description;
        skippedNames.push(`test/browser/${spec.file} › ${[...here, spec.title].join(' › ')}${why ? ` (${why})` : ''}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0, skippedNames, failedNames };
}

const dir = process.argv[2] ?? '.matrix/test-results';
const total = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const skippedNames = [];
const failedNames = [];
for (const [runner, file, read] of [['vitest', 'vitest.json', vitest], ['playwright', 'playwright.json', playwright]]) {
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push(`${runner} wrote no results (${path}): it did not run, or crashed`);
    continue;
  }
  const r = read(path);
  if (r.passed + r.failed === 0) problems.push(`${runner} ran no test (${r.skipped} skipped): a suite that tests nothing does not pass`);
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
  skippedNames.push(...r.skippedNames);
  failedNames.push(...r.failedNames);
}
// scripts/test.sh leaves this file when the CLI bundle did not build (or is older than its sources).
const buildFailed = join(dir, 'build-failed');
if (existsSync(buildFailed)) problems.push(readFileSync(buildFailed, 'utf8').trim());
if (skippedNames.length > 0) console.log(`skipped (${skippedNames.length}):\n${skippedNames.map((n) => `  - ${n}`).join('\n')}`);
if (failedNames.length > 0) console.log(`failed (${failedNames.length}):\n${failedNames.map((n) => `  - ${n}`).join('\n')}`);
for (const p of problems) console.log(`gate: ${p}`);
// Each problem counts as one failure, as a file that fails to load does.
console.log(`tests: ${total.passed} passed, ${total.failed + problems.length} failed, ${total.skipped} skipped`);
process.exit(total.failed + problems.length > 0 ? 1 : 0);
