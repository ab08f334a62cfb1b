// `matrix issue`: an upstream bug report for a failed cell in its engine's issue-form shape —
// the environment from the cell's fingerprint, the command, the evidence lines, what fixed it. Pure.
import type { IssueTemplate } from '../harness/engines/issue-templates.ts';
import type { ReportCell, ReportRun } from './data.ts';
import { optionsText } from './page/model.ts';

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text.replace(/```/g, '`\u200b``')}\n\`\`\``;

function environment(c: ReportCell): string {
  const f = c.fingerprint;
  const rows: Array<[string, string | null | undefined]> = [
    ['image', f ? `${f.imageRef}${f.imageDigest ? ` (${f.imageDigest})` : ''}` : c.imageRef],
    [`${c.engine} version`, f?.engineVersion],
    ['torch', f?.torchVersion],
    ["image's CUDA", f?.cudaVersion],
    ['GPU', f ? `${f.gpuName}${f.computeCapability ? ` (compute capability ${f.computeCapability})` : ''}` : `${c.gpu} (${c.arch})`],
    ['driver', f?.driverVersion ? `${f.driverVersion}${f.driverCuda ? ` (CUDA ${f.driverCuda})` : ''}` : null],
    ['model', c.model],
  ];
  return rows.filter(([, v]) => v).map(([k, v]) => `- ${k}: ${v}`).join('\n');
}

function fixedBy(c: ReportCell): string {
  if (!c.triage) return 'Not tried (run with `--triage` to try the known remedies).';
  if (!c.triage.fixedBy) return `No known remedy passed (tried: ${c.triage.tried.map((t) => optionsText(t.options as Record<string, unknown>)).join('; ') || 'none'}).`;
  const flags = c.fix ? [...Object.entries(c.fix.env).map(([k, v]) => `${k}=${v}`), ...c.fix.flags, ...(c.fix.removed ?? []).map((g) => `without ${g}`)].join(' ') : '';
  return `The same command passes with ${flags ? `\`${flags}\`` : optionsText(c.triage.fixedBy as Record<string, unknown>)} (${optionsText(c.triage.fixedBy as Record<string, unknown>)}).`;
}

export function issueReport(c: ReportCell, run: ReportRun, t: IssueTemplate): string {
  const title = `${t.titlePrefix}${c.title ?? c.signature ?? 'startup failure'} on ${c.gpu} (${c.imageRef})`;
  const evidence = c.evidence.map((l) => `${l.line}: ${l.text}`).join('\n');
  const bug = [
    c.explanation ?? c.reason ?? '',
    `The server fails ${c.signature ? `(matrix signature \`${c.signature}\`) ` : ''}with:`,
    evidence ? fence('text', evidence) : '(no evidence lines were kept)',
    `**What fixed it:** ${fixedBy(c)}`,
  ].filter(Boolean).join('\n\n');
  const repro = c.dockerRun ? fence('bash', c.dockerRun) : '(the command was not recorded)';
  const body: Record<string, string> = {
    checklist: '- [x] I searched related issues but found no solution.\n- [ ] The bug persists in the latest version.',
    bug: t.sections.reproduction ? bug : `${bug}\n\n**Command:**\n\n${repro}`,
    reproduction: repro,
    environment: environment(c),
  };
  const heading: Record<string, string | null> = { checklist: t.sections.checklist, bug: t.sections.bug, reproduction: t.sections.reproduction, environment: t.sections.environment };
  const parts = t.order.map((k) => `### ${heading[k]}\n\n${body[k]}`);
  const footer = `---\nFound by the GPU compatibility matrix: cell \`${c.id}\`, run ${run.id} (${run.startedAt}${run.gitCommit ? `, commit ${run.gitCommit.slice(0, 10)}` : ''}). Upstream: https://github.com/${t.repo}/issues/new`;
  return [`# ${title}`, ...parts, footer].join('\n\n') + '\n';
}
