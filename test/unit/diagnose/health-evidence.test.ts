// Healthy is earned: a log with no failure is healthy only by a positive sign of health, of a kind
// (the server up, listening, a startup step finished, the KV cache sized, a success reported); else
// it is `unknown`. Lines below are taken from the corpus's healthy logs.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { healthKindOf } from '../../../harness/diagnose/health-evidence.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

const kind = (line: string): string | null => healthKindOf(readLog(line)[0]!);

describe('signs of health, by kind', () => {
  it.each([
    ['INFO:     Application startup complete.', 'up'],
    ['(APIServer pid=1) INFO 05-06 04:33:07 [launcher.py:37] Available routes are:', 'listening'],
    ['I1012 01:17:48.318179 1 http_server.cc:3558] Started HTTPService at 0.0.0.0:8000', 'listening'],
    ['| inception_graphdef | 1       | READY  |', 'listening'],
    ['HINT:    Please open http://0.0.0.0:23333 in a browser for detailed api usage!!!', 'listening'],
    ['(EngineCore pid=221) INFO 06-03 15:09:33 [core.py:309] init engine (profile, create kv cache, warmup model) took 49.16 s (compilation: 9.82 s)', 'step-done'],
    ['[2025-11-10 19:59:09 TP0] Capture cuda graph end. Time elapsed: 11.39 s. mem usage=1.00 GB. avail mem=11.17 GB.', 'step-done'],
    ['INFO 12-19 22:58:41 model_runner.py:1535] Graph capturing finished in 14 secs, took 0.21 GiB', 'step-done'],
    ['    INFO 07-17 23:41:28 distributed_gpu_executor.py:56] # GPU blocks: 10039, # CPU blocks: 1310', 'sized'],
    ['rank 0: process group destroyed, ready', 'success'],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
  });

  it('is not a sign when logged as an error or a warning, or when it says the opposite', () => {
    expect(kind('ERROR 01-02 03:04:05 [x.py:1] Loading weights took 24.84 seconds')).toBeNull();
    expect(kind('WARNING 01-02 03:04:05 [x.py:1] Graph capturing finished in 14 secs')).toBeNull();
    expect(kind('rank 0: process group not ready')).toBeNull();
    // weights read from disk are no sign the engine runs: starts hang right after them (unknown/vllm-17167…)
    expect(kind('(Worker_TP0 pid=34322) INFO 05-06 20:59:57 [default_loader.py:384] Loading weights took 24.84 seconds')).toBeNull();
    expect(kind('(Worker_TP2_EP2 pid=12110) INFO 08-06 17:13:36 [model_runner.py:329] Model loading took 21.35 GiB and 32.049208 seconds')).toBeNull();
    expect(kind('(APIServer pid=1) DEBUG 09-02 17:29:16 [utils.py:777] Waiting for 1 local, 0 remote core engine proc(s) to start.')).toBeNull();
  });

  // the labelling guide, rule 5: a startup step that RAN the model; tracing and compiling the graphs does not run it
  it.each([
    '(Worker_TP0 pid=34322) INFO 05-06 21:00:16 [backends.py:1128] Dynamo bytecode transform time: 3.54 s',
    '(EngineCore pid=17574) INFO 08-01 17:49:34 [monitor.py:53] torch.compile took 30.61 s in total',
    '(EngineCore pid=1894) INFO 04-05 18:41:51 [backends.py:390] Compiling a graph for compile range (1, 8192) takes 6.06 s',
    '[2026-03-17 07:16:51 TP0] Compiling a graph for dynamic shape takes 3.38 s',
  ])('a finished compile step is no sign: %s', (line) => {
    expect(kind(line)).toBeNull();
  });

  it('a compile step cut by a terminal is no sign either, nor is a list of tasks a server listening', () => {
    const line = '(EngineCore pid=1265223) INFO 06-02 00:51:49 [backends.py:1148] Dynamo bytecode transform time: 8.52 s';
    const cut = [line.slice(0, 80), line.slice(80)].join('\n'); // "… Dynamo bytecode" + " transform time: 8.52 s"
    expect(classifyLog(cut).category).toBe('unknown');
    expect(kind("(APIServer pid=27876) INFO 08-18 14:15:04 [api_server.py:592] Supported tasks: ['generate']")).toBeNull();
  });

  it('a step after a line that mentions compiling in a sentence of its own is still a sign', () => {
    const log = [
      '(EngineCore_DP0 pid=4) INFO 10-24 13:23:34 [shm_broadcast.py:495] No available shared memory broadcast block found in 60 seconds. This typically happens when some processes are hanging or doing some time-consuming work (e.g. compilation).',
      'Graph capturing finished in 61 secs, took 4.71 GiB',
    ].join('\n');
    expect(classifyLog(log).category).toBe('healthy');
  });
});

describe('a log without failure', () => {
  it('is not healthy when the app startup began after its last sign and never finished', () => {
    const hint = 'HINT:    Please open http://0.0.0.0:23333 in a browser for detailed api usage!!!';
    expect(classifyLog(hint)).toMatchObject({ category: 'healthy', evidence: [{ line: 1 }] });
    const started = [hint, 'INFO:     Started server process [10005]', 'INFO:     Waiting for application startup.'];
    expect(classifyLog(started.join('\n')).category).toBe('unknown');
    expect(classifyLog([...started, 'INFO:     Application startup complete.'].join('\n'))).toMatchObject({ category: 'healthy', evidence: [{ line: 4 }] });
  });

  it('is healthy with its sign of health as evidence', () => {
    const log = ['INFO 12-19 22:58:27 model_runner.py:1415] Capturing cudagraphs for decoding.', 'INFO 12-19 22:58:41 model_runner.py:1535] Graph capturing finished in 14 secs, took 0.21 GiB'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'healthy', evidence: [{ line: 2 }] });
  });

  it('is unknown when nothing in it shows health: a start cut off or hung reads just like it', () => {
    const log = ['bruce-AI-Server:105927:106732 [0] NCCL INFO Setting affinity for GPU 0 to ffff', 'bruce-AI-Server:105927:106732 [0] NCCL INFO comm 0x4630a9c0 rank 0 nRanks 2 nNodes 1 localRanks 2 localRank 0 MNNVL 0'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'unknown', confidence: 'none', evidence: [{ line: 2 }], title: expect.stringMatching(/^No failure and no sign of health/) });
  });
});
