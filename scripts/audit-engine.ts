// Audits what the harness believes about one engine release against that release's source, by hand
// (not in CI): `npx tsx scripts/audit-engine.ts --engine vllm --release 0.11.0 --git-dir DIR [--ref REF]`.
// DIR is a bare git dir of the engine's repository (a fork carrying upstream history will do, e.g.
// one `fetch` brought to /work/.mirror/<owner>+<name>/repo); REF defaults to the commit the facts
// name for the release (a tag such as v0.20.0 for a release not read yet). Prints every fact that
// disagrees with the source; exits 1 when one does, 2 on a usage error.
import { parseArgs } from 'node:util';
import { gitReader } from './git-source-reader.ts';
import { ENGINE_IDS, type EngineId } from '../harness/core/cell.ts';
import { auditRelease, formatAudit } from '../harness/engines/facts/audit.ts';
import { engineFacts } from '../harness/engines/facts/index.ts';

function usage(message: string): never {
  process.stderr.write(`audit-engine: ${message}\nusage: npx tsx scripts/audit-engine.ts --engine vllm --release 0.11.0 --git-dir DIR [--ref REF]\n`);
  process.exit(2);
}

function main(): void {
  const { values } = parseArgs({ options: { engine: { type: 'string' }, release: { type: 'string' }, 'git-dir': { type: 'string' }, ref: { type: 'string' } } });
  const engine = values.engine as EngineId | undefined;
  if (engine === undefined || !(ENGINE_IDS as readonly string[]).includes(engine)) usage(`--engine must be one of ${ENGINE_IDS.join(', ')}`);
  const facts = engineFacts(engine);
  if (facts === null) usage(`no facts about ${engine} yet`);
  const release = values.release ?? usage('--release is required');
  const gitDir = values['git-dir'] ?? usage('--git-dir is required');
  const read = facts.releases.find((r) => r.version === release);
  const ref = values.ref ?? read?.commit ?? usage(`${release} was not read; give --ref (its tag or commit)`);
  const where = read && ref === read.commit ? `${ref.slice(0, 12)}, ${read.kind}, ${read.mirror}` : ref;
  const report = auditRelease(facts, release, gitReader(gitDir, ref));
  process.stdout.write(formatAudit(report, where));
  process.exitCode = report.disagreements.length === 0 ? 0 : 1;
}

main();
