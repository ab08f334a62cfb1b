// Audits what the harness believes about SGLang releases against SGLang's source, by hand (not in CI):
//   npx tsx scripts/audit-sglang.ts --git-dir DIR [--release 0.5.5 [--ref REF]] [--out docs/engine-audit]
// DIR is a bare git dir of sgl-project/sglang (a fork carrying its history will do, e.g. the one
// `fetch` brings to /work/.mirror/BBuf+sglang/repo). Without --release every release the facts read is
// audited at the commit they name; a release not read needs --ref (its tag or commit) and is checked
// against the newest facts. With --out each report is written to <out>/sglang-<version>.txt.
// Exits 1 when a fact disagrees with the source, 2 on a usage error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gitReader } from './git-source-reader.ts';
import { auditSglang, formatSglangAudit } from '../harness/engines/facts/sglang/audit.ts';
import { SGLANG_FACTS } from '../harness/engines/facts/sglang/index.ts';

function usage(message: string): never {
  process.stderr.write(`audit-sglang: ${message}\nusage: npx tsx scripts/audit-sglang.ts --git-dir DIR [--release V [--ref REF]] [--out DIR]\n`);
  process.exit(2);
}

function main(): void {
  const { values } = parseArgs({ options: { 'git-dir': { type: 'string' }, release: { type: 'string' }, ref: { type: 'string' }, out: { type: 'string' } } });
  const gitDir = values['git-dir'] ?? usage('--git-dir is required');
  const releases = values.release ? [values.release] : SGLANG_FACTS.releases.map((r) => r.version);
  let disagreements = 0;
  for (const release of releases) {
    const read = SGLANG_FACTS.releases.find((r) => r.version === release);
    const ref = values.ref ?? read?.commit ?? usage(`${release} was not read; give --ref (its tag or commit)`);
    const where = read && ref === read.commit ? `${ref.slice(0, 12)}, ${read.kind}, ${read.mirror}` : ref;
    const report = auditSglang(release, gitReader(gitDir, ref));
    const text = formatSglangAudit(report, where);
    if (values.out) writeFileSync(join(values.out, `sglang-${release}.txt`), text);
    process.stdout.write(text);
    disagreements += report.findings.length;
  }
  process.exitCode = disagreements === 0 ? 0 : 1;
}

main();
