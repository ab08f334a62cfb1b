// The startup timeline read from an engine's log (vLLM or SGLang): weights, model load, torch.compile
// (and whether the compile cache was hit), KV cache, CUDA graph capture, ready. Pure.
import type { EvidenceLine, TimelinePhase } from '../core/diagnosis.ts';
import type { LogLine } from '../core/log-line.ts';

type Detail = TimelinePhase['detail'];

const VLLM_TS = /\b(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) (\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?\b/;
const ISO_TS = /\b\d{4}-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:[.,](\d+))?\b/;

/** Seconds since an arbitrary epoch from a line's own timestamp, or null. */
function timestampOf(raw: string): number | null {
  const m = VLLM_TS.exec(raw) ?? ISO_TS.exec(raw);
  if (!m) return null;
  const [mo, d, h, mi, s] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const frac = m[6] ? Number(`0.${m[6]}`) : 0;
  return Date.UTC(2000, mo - 1, d, h, mi, s) / 1000 + frac;
}

/** Elapsed seconds of the last tqdm bar on a line: `[00:29<00:00, …]`. */
function tqdmElapsed(text: string): number | null {
  const all = [...text.matchAll(/\[(?:(\d+):)?(\d\d):(\d\d)</g)];
  const m = all.at(-1);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const num = (s: string | undefined): number => Number((s ?? '').replace(/,/g, ''));
const round = (x: number): number => Math.round(x * 1000) / 1000;

class TimelineBuilder {
  readonly phases = new Map<string, TimelinePhase>();
  private origin: number | null = null;
  private last: number | null = null;

  see(raw: string): void {
    const t = timestampOf(raw);
    if (t === null) return;
    this.origin ??= t;
    this.last = t;
  }

  now(): number | null {
    return this.origin === null || this.last === null ? null : round(this.last - this.origin);
  }

  phase(name: string): TimelinePhase {
    let p = this.phases.get(name);
    if (!p) {
      p = { name, startS: this.now(), durationS: null, detail: {} };
      this.phases.set(name, p);
    } else if (p.startS === null) {
      // first seen on a line without a timestamp (a progress bar): start at the first timed line about it
      p.startS = this.now();
    }
    return p;
  }

  /** Closes a phase whose end is marked by a line without a duration of its own. */
  endAt(p: TimelinePhase): void {
    const now = this.now();
    if (p.durationS === null && p.startS !== null && now !== null) p.durationS = round(now - p.startS);
  }
}

type Rule = (text: string, b: TimelineBuilder) => void;

const RULES: Rule[] = [
  (t, b) => {
    const m = /Time spent downloading weights for \S+?:?\s+([\d.]+) seconds/.exec(t);
    if (m) b.phase('weights').detail.downloadS = num(m[1]);
  },
  (t, b) => {
    const m = /Loading safetensors checkpoint shards:\s+100% Completed \| (\d+)\/\d+/.exec(t);
    if (!m) return;
    const p = b.phase('weights');
    p.detail.shards = num(m[1]);
    const s = tqdmElapsed(t);
    if (s !== null && p.detail.shardsS === undefined) p.detail.shardsS = s;
  },
  (t, b) => {
    const m = /Loading weights took ([\d.]+) seconds/.exec(t);
    if (m) b.phase('weights').durationS ??= num(m[1]);
  },
  (t, b) => {
    if (/Load weight begin/.test(t)) b.phase('weights');
    const m = /Load weight end\..*?mem usage=([\d.]+) GB/.exec(t);
    if (m) {
      const p = b.phase('weights');
      b.endAt(p);
      b.phase('model-load').detail.memGiB = num(m[1]);
    }
  },
  (t, b) => {
    const m = /Model loading took ([\d.]+) Gi?B(?: memory)? and ([\d.]+) s(?:econds)?/.exec(t) ?? /Loading model weights took ([\d.]+) GB/.exec(t);
    if (!m) return;
    const p = b.phase('model-load');
    p.detail.memGiB = num(m[1]);
    if (m[2]) p.durationS ??= round(num(m[2]));
  },
  (t, b) => {
    if (/Directly load the compiled graph|Directly load AOT compilation/.test(t)) b.phase('compile').detail.fromCache = true;
    if (/Compiling a graph for .* takes|Cache the graph of .* for later use/.test(t)) b.phase('compile').detail.fromCache = false;
    const m = /torch\.compile (?:takes|took) ([\d.]+) s in total/.exec(t);
    if (m) {
      const p = b.phase('compile');
      p.durationS = round((p.durationS ?? 0) + num(m[1]));
    }
  },
  (t, b) => {
    let m = /GPU KV cache size: ([\d,]+) tokens/.exec(t);
    if (m) b.phase('kv-cache').detail.tokens = num(m[1]);
    m = /Available KV cache memory: ([\d.]+) GiB/.exec(t);
    if (m) b.phase('kv-cache').detail.GiB = num(m[1]);
    m = /# (?:GPU|cuda) blocks: (\d+)/.exec(t);
    if (m) b.phase('kv-cache').detail.blocks = num(m[1]);
    m = /KV Cache is allocated\. #tokens: (\d+), K size: ([\d.]+) GB, V size: ([\d.]+) GB/.exec(t);
    if (m) Object.assign(b.phase('kv-cache').detail, { tokens: num(m[1]), GiB: round(num(m[2]) + num(m[3])) });
    m = /max_total_num_tokens=(\d+)/.exec(t);
    if (m) b.phase('kv-cache').detail.tokens ??= num(m[1]);
  },
  (t, b) => {
    const m = /Capturing CUDA graphs \(([^)]*)\)/.exec(t);
    if (m) {
      const p = b.phase('graph-capture');
      const modes = new Set(String(p.detail.modes ?? '').split('; ').filter(Boolean));
      modes.add(m[1]!);
      p.detail.modes = [...modes].join('; ');
      const s = tqdmElapsed(t);
      if (s !== null) p.detail[`bar:${m[1]}`] = s;
    }
    const f = /Graph capturing finished in ([\d.]+) secs?, took ([\d.]+) GiB/.exec(t);
    if (f) Object.assign(b.phase('graph-capture'), { durationS: num(f[1]) }).detail.memGiB = num(f[2]);
    if (/Capture (?:\w+ )?cuda graph begin|Capturing the model for CUDA graphs/i.test(t)) b.phase('graph-capture');
    // SGLang: "Capture cuda graph end", "Capture piecewise CUDA graph end", "Capture draft cuda graph end"
    const s = /Capture (?:(\w+) )?cuda graph end\. Time elapsed: ([\d.]+) s/i.exec(t);
    if (s) {
      const p = b.phase('graph-capture');
      const kind = s[1] ? s[1].toLowerCase() : 'decode';
      const seen = new Set(String(p.detail.modes ?? '').split('; ').filter(Boolean));
      seen.add(kind);
      p.detail.modes = [...seen].join('; ');
      // ranks capture in parallel: the phase lasts as long as the slowest rank's kind, kinds add up
      p.detail[`bar:${kind}`] = Math.max(Number(p.detail[`bar:${kind}`] ?? 0), num(s[2]));
    }
  },
  (t, b) => {
    if (/Application startup complete|The server is fired up and ready to roll/.test(t)) b.phase('ready');
  },
];

/** Sum of the per-mode progress bars when no total was printed. */
function finishCapture(p: TimelinePhase | undefined): void {
  if (!p) return;
  const bars = Object.entries(p.detail).filter(([k]) => k.startsWith('bar:'));
  if (p.durationS === null && bars.length > 0) p.durationS = round(bars.reduce((s, [, v]) => s + Number(v), 0));
  for (const [k] of bars) delete (p.detail as Detail)[k];
}

const ORDER = ['weights', 'model-load', 'compile', 'kv-cache', 'graph-capture', 'ready'];

/** The startup phases found in the log (its lines as diagnose/log-lines.ts reads them), in startup order. */
export function startupTimeline(lines: readonly LogLine[]): TimelinePhase[] {
  const b = new TimelineBuilder();
  for (const l of lines) {
    if (l.header) continue;
    b.see(l.raw);
    for (const segment of l.text.split('\r')) for (const rule of RULES) rule(segment, b);
  }
  finishCapture(b.phases.get('graph-capture'));
  const w = b.phases.get('weights');
  if (w && w.durationS === null && typeof w.detail.shardsS === 'number') w.durationS = w.detail.shardsS;
  return ORDER.flatMap((n) => (b.phases.has(n) ? [b.phases.get(n)!] : []));
}

const CAPTURE = /Capturing CUDA graphs?|Graph capturing finished|Capture cuda graph|Profiling CUDA graph memory|Estimated CUDA graph memory|Capturing the model for CUDA graphs/i;

/** The log lines about CUDA graph capture (the mtp probe records them as evidence). */
export function graphCaptureLines(lines: readonly LogLine[]): EvidenceLine[] {
  return lines
    .filter((l: LogLine) => !l.header && CAPTURE.test(l.text))
    .map((l) => ({ line: l.n, text: l.raw.split('\r').filter((s) => s.trim()).at(-1) ?? l.raw }));
}
