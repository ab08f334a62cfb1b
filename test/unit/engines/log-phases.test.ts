import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphCaptureLines, startupTimeline } from '../../../harness/engines/log-phases.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

const fixture = (n: string): string => readFileSync(new URL(`../../fixtures/logs/${n}`, import.meta.url), 'utf8');
const byName = (text: string) => Object.fromEntries(startupTimeline(readLog(text)).map((p) => [p.name, p]));

describe('startupTimeline (vLLM)', () => {
  const seed002 = fixture('graph-capture/seed-002-mtp-full-graph-capture.log');

  it('reads weights, model load, compile (from the cache), KV cache and both capture modes from seed 002', () => {
    const t = byName(seed002);
    expect(Object.keys(t)).toEqual(['weights', 'model-load', 'compile', 'kv-cache', 'graph-capture']);
    expect(t['weights']).toMatchObject({ durationS: 0.44, detail: { shards: 1 } });
    expect(t['model-load']).toMatchObject({ startS: 1, durationS: 1.13, detail: { memGiB: 1.76 } });
    expect(t['compile']).toMatchObject({ startS: 6, durationS: 1.97, detail: { fromCache: true } });
    expect(t['kv-cache']).toMatchObject({ startS: 23, detail: { tokens: 323680, GiB: 17.3 } });
    expect(t['graph-capture']).toMatchObject({ durationS: 12, detail: { modes: 'mixed prefill-decode, PIECEWISE; decode, FULL' } });
  });

  it('sees a compile that was not cached and the ready line, with times from the log timestamps', () => {
    const log = [
      '(EngineCore pid=1) INFO 04-05 18:41:33 [default_loader.py:384] Loading weights took 0.99 seconds',
      '(EngineCore pid=1) INFO 04-05 18:41:47 [backends.py:372] Cache the graph of compile range (1, 8192) for later use',
      '(EngineCore pid=1) INFO 04-05 18:41:51 [backends.py:390] Compiling a graph for compile range (1, 8192) takes 6.06 s',
      '(EngineCore pid=1) INFO 04-05 18:41:52 [monitor.py:48] torch.compile took 12.50 s in total',
      '(EngineCore pid=1) INFO 04-05 18:42:10 [gpu_model_runner.py:4000] Graph capturing finished in 9 secs, took 0.45 GiB',
      '(APIServer pid=1) INFO:     Application startup complete.',
    ].join('\n');
    const t = byName(log);
    expect(t['compile']).toMatchObject({ startS: 14, durationS: 12.5, detail: { fromCache: false } });
    expect(t['graph-capture']).toMatchObject({ startS: 37, durationS: 9, detail: { memGiB: 0.45 } });
    expect(t['ready']).toMatchObject({ startS: 37 });
  });

  it('returns no phases for a log without startup lines', () => {
    expect(startupTimeline(readLog('nothing to see\n'))).toEqual([]);
  });
});

describe('startupTimeline (SGLang)', () => {
  it('reads weights, KV cache tokens, capture time and ready', () => {
    const log = [
      '[2025-09-22 10:25:10 TP0] Load weight begin. avail mem=21.73 GB',
      '[2025-09-22 10:25:22 TP0] Load weight end. type=Qwen2ForCausalLM, dtype=torch.bfloat16, avail mem=14.53 GB, mem usage=7.21 GB.',
      '[2025-09-22 10:25:23 TP0] KV Cache is allocated. #tokens: 413827, K size: 2.76 GB, V size: 2.76 GB',
      '[2025-09-22 10:25:23 TP0] Capture cuda graph begin. This can take up to several minutes. avail mem=8.73 GB',
      '[2025-09-22 10:25:35 TP0] Capture cuda graph end. Time elapsed: 11.39 s. mem usage=1.00 GB. avail mem=7.73 GB.',
      '[2025-09-22 10:25:40] INFO:     Application startup complete.',
      '[2025-09-22 10:25:41] The server is fired up and ready to roll!',
    ].join('\n');
    const t = byName(log);
    expect(t['weights']).toMatchObject({ startS: 0, durationS: 12 });
    expect(t['model-load']).toMatchObject({ detail: { memGiB: 7.21 } });
    expect(t['kv-cache']).toMatchObject({ startS: 13, detail: { tokens: 413827, GiB: 5.52 } });
    expect(t['graph-capture']).toMatchObject({ startS: 13, durationS: 11.39 });
    expect(t['ready']).toMatchObject({ startS: 30 });
  });

  it('reads the capture kinds of SGLang: the slowest rank per kind, kinds added up', () => {
    const t = byName(fixture('healthy/sglang-pr20758-musa-tp2-capture.log'));
    expect(t['graph-capture']).toMatchObject({ startS: 0, durationS: 27.41, detail: { modes: 'decode' } });
    expect(byName(fixture('healthy/sglang-pr14422-vit-piecewise-ready.log'))['graph-capture']).toMatchObject({ durationS: 58.13, detail: { modes: 'piecewise' } });
  });

  it('reads max_total_num_tokens from a real SGLang startup', () => {
    const t = byName(fixture('healthy/sglang-pr11830-capture-to-ready.log'));
    expect(t['kv-cache']!.detail.tokens).toBe(2261377);
    expect(t['graph-capture']!.durationS).toBe(5.92);
    expect(t['ready']!.startS).toBe(4);
  });
});

describe('graphCaptureLines', () => {
  it('returns the capture lines with their numbers, the last progress state of a carriage-return line', () => {
    const log = ['INFO 01-01 00:00:00 [x.py:1] Loading weights took 1 seconds', 'Capturing CUDA graphs (decode, FULL):  50%|█| 1/2 [00:01<00:01]\rCapturing CUDA graphs (decode, FULL): 100%|█| 2/2 [00:02<00:00]', 'INFO 01-01 00:00:03 [x.py:2] Graph capturing finished in 2 secs, took 0.10 GiB'].join('\n');
    expect(graphCaptureLines(readLog(log))).toEqual([
      { line: 2, text: 'Capturing CUDA graphs (decode, FULL): 100%|█| 2/2 [00:02<00:00]' },
      { line: 3, text: 'INFO 01-01 00:00:03 [x.py:2] Graph capturing finished in 2 secs, took 0.10 GiB' },
    ]);
  });
});
