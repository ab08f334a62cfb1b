import { describe, expect, it } from 'vitest';
import { auditSglang, choicesOf, metricClass, optionStrings, type SourceLines } from '../../../../harness/engines/facts/sglang/audit.ts';

function source(files: Record<string, string>): SourceLines {
  return { lines: (path) => (path in files ? files[path]!.split('\n') : null) };
}

const SERVER_ARGS = [
  'ATTENTION_BACKEND_CHOICES = [',
  '    # Common',
  '    "triton",',
  '    "fa3",',
  ']',
  '        parser.add_argument(',
  '            "--tensor-parallel-size",',
  '            "--tp-size",',
  '            type=int,',
  '        )',
  '        parser.add_argument(',
  '            "--attention-backend",',
  '            type=str,',
  '            choices=ATTENTION_BACKEND_CHOICES,',
  '        )',
  '        parser.add_argument(',
  '            "--speculative-algorithm",',
  '            type=str,',
  '            choices=["EAGLE", "NEXTN"],',
  '        )',
  '        parser.add_argument(',
  '            "--mm-attention-backend",',
  '            type=str,',
  '            choices=[',
  '                "sdpa",',
  '                "fa3",',
  '            ],',
  '        )',
].join('\n');

describe('SGLang audit helpers', () => {
  const src = source({ 'python/sglang/srt/server_args.py': SERVER_ARGS, 'python/sglang/srt/metrics/collector.py': '        self.x = Gauge(\n            name="sglang:spec_accept_length",\n' });

  it('reads option strings and the three shapes of argparse choices', () => {
    expect([...optionStrings(src)]).toEqual(['--tensor-parallel-size', '--tp-size', '--attention-backend', '--speculative-algorithm', '--mm-attention-backend']);
    expect(choicesOf(src, '--attention-backend')).toEqual(['triton', 'fa3']);
    expect(choicesOf(src, '--speculative-algorithm')).toEqual(['EAGLE', 'NEXTN']);
    expect(choicesOf(src, '--mm-attention-backend')).toEqual(['sdpa', 'fa3']);
    expect(choicesOf(src, '--enable-metrics')).toBeNull();
  });

  it('finds the prometheus_client class of a metric', () => {
    expect(metricClass(src, 'sglang:spec_accept_length')).toBe('gauge');
    expect(metricClass(src, 'sglang:nope')).toBeNull();
  });
});

describe('auditSglang', () => {
  it('reports the facts this toy source contradicts (a missing flag, other choices, a gone file)', () => {
    const src = source({ 'python/sglang/srt/server_args.py': SERVER_ARGS });
    const a = auditSglang('0.5.5', src);
    const problems = a.findings.map((f) => `${f.fact}: ${f.problem}`);
    expect(problems).toContain('flag --enable-metrics: the facts say it holds; server_args.py does not define it');
    expect(problems.some((p) => p.startsWith('values attention-backend: the facts say [triton, torch_native, flex_attention'))).toBe(true);
    expect(problems).toContain('metric sglang:spec_accept_length: python/sglang/srt/metrics/collector.py does not exist');
    expect(a.factsOf).toBe('0.5.5');
  });

  it('checks a release it has not read against the newest facts', () => {
    expect(auditSglang('0.5.11', source({})).factsOf).toBe('0.5.9');
  });
});
