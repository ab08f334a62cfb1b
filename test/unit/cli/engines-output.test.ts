import { describe, expect, it, vi, afterEach } from 'vitest';
import { command } from '../../../harness/cli/engines.ts';
import { enginesText, releaseText, releasesText } from '../../../harness/cli/engines-output.ts';
import { citation, NIM_FACTS, releaseFor, SGLANG_FACTS, VLLM_FACTS } from '../../../harness/engines/facts/index.ts';
import { UsageError } from '../../../harness/errors.ts';

const F = VLLM_FACTS;
const text = (version: string): string => releaseText(F, version, releaseFor(F, version)!);
/** The lines of one section of the release text (from its title to the next blank line). */
function section(out: string, title: string): string[] {
  const lines = out.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

afterEach(() => vi.restoreAllMocks());

describe('matrix engines output', () => {
  it('lists every release read per engine: vLLM and SGLang from source, NIM from its documentation', () => {
    const out = enginesText();
    expect(out).toMatch(new RegExp(`^vllm +${F.releases.map((r) => r.version).join(' ')} +vllm-project/vllm$`, 'm'));
    expect(out).toMatch(new RegExp(`^sglang +${SGLANG_FACTS.releases.map((r) => r.version).join(' ')} +sgl-project/sglang$`, 'm'));
    expect(out).toMatch(new RegExp(`^nim +${NIM_FACTS.releases.map((r) => r.version).join(' ')} +docs\\.nvidia\\.com/nim/large-language-models$`, 'm'));
    expect(out).not.toContain('(no facts yet)');
  });

  it('shows SGLang 0.5.5 with its sources, --enable-metrics behind every metric and the meta_info fields', () => {
    const out = releaseText(SGLANG_FACTS, '0.5.5', releaseFor(SGLANG_FACTS, '0.5.5')!);
    expect(out.split('\n')[0]).toMatch(/^sglang 0\.5\.5 — read at [0-9a-f]{12} .*sources are <commit>:<path>:<line> in sgl-project\/sglang$/);
    expect(section(out, 'flags').find((l) => l.includes('--mm-attention-backend'))).toMatch(/[0-9a-f]{12}:python\/sglang\/srt\/server_args\.py:\d+$/);
    expect(section(out, 'metrics').find((l) => l.includes('sglang:spec_accept_length'))).toContain('only with --enable-metrics; mean of the batches since the last log');
    expect(section(out, 'response fields').some((l) => l.includes('meta_info.spec_verify_ct'))).toBe(true);
  });

  it('cites NIM by the documentation page read, not by a commit', () => {
    const out = releaseText(NIM_FACTS, '2.0.9', releaseFor(NIM_FACTS, '2.0.9')!);
    expect(out.split('\n')[0]).toBe('nim 2.0.9 — read from its documentation (docs.nvidia.com/nim/large-language-models); sources are the pages read');
    expect(section(out, 'readiness').join('\n')).toContain('https://docs.nvidia.com/nim/large-language-models/2.0.0/reference/api-reference.html');
    expect(out).not.toContain('000000000000');
    expect(releasesText(NIM_FACTS)).toMatch(/^2\.0\.9 +\(documentation\) +tag/m);
  });

  it('names the commit read for each release and how it was chosen', () => {
    const out = releasesText(F);
    for (const r of F.releases) expect(out).toMatch(new RegExp(`^${r.version.replace(/\./g, '\\.')} +${r.commit.slice(0, 12)} +${r.kind}`, 'm'));
  });

  it('shows 0.11.0 launching api_server, with the Dockerfile line, and the flags it lacks', () => {
    const out = text('0.11.0');
    const launcher = section(out, 'launcher').join('\n');
    expect(launcher).toContain('python3 -m vllm.entrypoints.openai.api_server  (model only as --model)');
    expect(launcher).toContain('b8b302cde434:docker/Dockerfile:542');
    const missing = section(out, 'flags 0.11.0 does not accept');
    expect(missing.find((l) => l.includes('--attention-backend'))).toMatch(/accepted 0\.13\.0…newest read/);
    expect(missing.find((l) => l.includes('--mm-encoder-attn-backend'))).toMatch(/accepted 0\.11\.1…newest read/);
    expect(section(out, 'flags').some((l) => l.includes('--attention-backend'))).toBe(false);
  });

  it('shows 0.13.0 with --attention-backend cited at that release\'s commit', () => {
    const out = text('0.13.0');
    const flag = F.flags.find((f) => f.flag === '--attention-backend')!;
    const src = flag.sources.find((s) => s.release === '0.13.0')!;
    const row = section(out, 'flags').find((l) => l.includes('--attention-backend'));
    expect(row).toContain(citation(F, src));
    expect(row).toContain('values: attention-backend');
    expect(section(out, 'launcher').join('\n')).toContain('vllm serve  (model positional)');
  });

  it('speaks of a patch release through the release read before it', () => {
    expect(text('0.11.2').split('\n')[0]).toMatch(/^vllm 0\.11\.2 \(as 0\.11\.1, the newest release read before it\) — read at 0bf29fadf5f8/);
  });
});

describe('matrix engines verb', () => {
  async function run(ref?: string): Promise<string> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    await command.run({ positionals: ref === undefined ? [] : [ref], values: { json: undefined } });
    return out;
  }

  it('refuses an engine it does not know and a release older than any read', async () => {
    await expect(run('tgi')).rejects.toThrow(UsageError);
    await expect(run('vllm@0.9.2')).rejects.toThrow(/nothing is known about vllm 0\.9\.2/);
    await expect(run('sglang@0.3.6')).rejects.toThrow(/nothing is known about sglang 0\.3\.6/);
  });

  it('shows an SGLang release as the image tags spell it', async () => {
    expect((await run('sglang@v0.5.5')).split('\n')[0]).toMatch(/^sglang 0\.5\.5 — read at [0-9a-f]{12} /);
  });

  it('accepts a v-prefixed version as the image tags spell it', async () => {
    expect((await run('vllm@v0.19.0')).split('\n')[0]).toMatch(/^vllm 0\.19\.0 — read at 2a69949bdadf \(tag/);
  });
});
