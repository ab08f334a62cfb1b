// The classifier on the labelled corpus of real logs from public vLLM and SGLang issues and real GPU
// output (test/fixtures/logs/<category>/<name>.log). The corpus is split by a fixed rule into a
// tuning part (rules may be written from it) and a held-out part (nobody writing rules reads it);
// both scores are printed for the record, the tuning score is the gate.
import { describe, expect, it } from 'vitest';
import { formatAccuracy, scoreCorpus } from '../../../harness/diagnose/accuracy.ts';
import { CATEGORIES } from '../../../harness/core/diagnosis.ts';
import { readCorpusDir } from '../../../harness/cli/corpus-dir.ts';
import { asShown } from '../../../harness/diagnose/log-lines.ts';

const CORPUS_DIR = new URL('../../fixtures/logs', import.meta.url).pathname;
const corpus = readCorpusDir(CORPUS_DIR);
const tuning = corpus.filter((e) => e.split === 'tuning');
const report = scoreCorpus(tuning);

describe('the corpus of real logs', () => {
  it('has labelled logs, each with its source and deciding line, in known categories, with healthy ones of both engines', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(70);
    for (const e of corpus) {
      expect(CATEGORIES as readonly string[], `${e.label}/${e.name}`).toContain(e.label);
      expect(e.source, `${e.label}/${e.name} needs a "# source: <url>" first line`).toMatch(/^(https:\/\/|device:)/);
      expect(e.decides, `${e.label}/${e.name} needs a "# decides: <line>" header`).toBeTruthy();
    }
    expect(corpus.filter((e) => e.label === 'healthy').length).toBeGreaterThanOrEqual(6);
    expect(corpus.some((e) => e.label === 'healthy' && e.name.startsWith('sglang'))).toBe(true);
  });

  it("holds each log's deciding line in its text (a header is no log: a file whose body was lost decides nothing)", () => {
    // a terminal's carriage returns and colour codes may stand in the log where its # decides: line has none
    const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, '');
    for (const e of corpus) {
      const lines = e.text.split('\n').map(plain);
      const want = plain(e.decides!).trim();
      expect(lines.some((l) => l.includes(want) || (want.length > 60 && l.includes(want.slice(0, 60)))), `${e.label}/${e.name}: "# decides: ${want.slice(0, 80)}" is not a line of the log`).toBe(true);
    }
  });

  it('puts only logs tuned on before the split in the tuning part by header; the rest go by the rule', () => {
    for (const e of corpus.filter((x) => x.splitBy === 'header')) expect(e.split, e.name).toBe('tuning');
  });

  it('hides the header from the classifier: the deciding line is blanked, line numbers kept', () => {
    const e = corpus.find((x) => x.label !== 'healthy')!;
    const lines = e.text.split('\n');
    expect(lines[0]).toBe('');
    expect(e.text).not.toContain('# decides:');
  });
});

describe('classifier on the tuning part of the corpus', () => {
  it('reaches 95% accuracy and never calls a healthy log a failure', () => {
    console.log(formatAccuracy(report));
    expect(report.healthyCalledFailure).toEqual([]);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('calls a failing log healthy only where nothing in the log says it failed', () => {
    // A start that hangs or is cut off before any fatal line (labelled `unknown`) reads exactly like
    // a healthy log cut before its ready line; no rule tells them apart from the text alone. Any
    // other failure called healthy is a defect, except the known misses named here with why.
    const KNOWN_MISSES: Record<string, string> = {};
    const misses = report.failureCalledHealthy.map((r) => `${r.label}/${r.name}`).filter((id) => !id.startsWith('unknown/') && !KNOWN_MISSES[id]);
    expect(misses).toEqual([]);
  });

  it('earns healthy: every log called healthy shows the server up or a startup step finished, as its evidence', () => {
    const called = report.results.filter((r) => r.got === 'healthy');
    for (const r of called) expect(r.evidence.length, `${r.label}/${r.name}`).toBe(1);
    // what requiring positive evidence costs: healthy logs with none are `unknown`, printed with the score (since round 19: vllm-omni's
    // per-request metrics, 'stage_gen_time_ms' and 'num_tokens_out', a sign whose source line was not pinned; since round 25: NeMo-RL's
    // guide checking a custom vLLM build, "Successfully imported vLLM version: …", a tutorial script's own line, not an engine's; since
    // round 29: TensorRT Model Optimizer's PTQ example reporting "Quantized model exported to :<dir>. Total time used <s>s", an example
    // script's print, before a TensorRT-LLM run the log cuts at its banner; since round 30: an ExLlamaV3 server's "Serving OAI API on …" and
    // its per-request "N tokens generated at X T/s", lines no upstream source found holds — TabbyAPI's own are "Starting OAI API" and uvicorn's;
    // since round 31: a Slurm job's own script printing "Video processing completed" after Whisper and pyannote ran, no engine's line;
    // since round 32: verl's trainer bar past its first step, "Training Progress:   0%|  | 1/15625", a trainer's line, not an engine's;
    // since round 33: TensorRT-LLM's example converter printing "Total time of converting checkpoints: 00:00:53", a script's line whose
    // source (NVIDIA/TensorRT-LLM, over the fetch limit) was not read; since round 45: Jan's "[CORTEX]:: Load model success with response {}",
    // which Jan's extension logs whatever the load request answered (its own FIXME: "Actually check response"), and a uWSGI socket bound
    // before the NeMo-Skills app it serves had loaded, settled healthy by a third reader as the least certain of its verdicts; since round 46:
    // Triton's verbose "Done for ModelInferHandler, N", which its gRPC handler logs once a request's state is released, after an error
    // response as after a result (triton-inference-server/server v2.12.0:src/servers/grpc_server.cc:2192-2196); since round 44: TGI's shard
    // "Server started at unix://…", one shard's model loaded while the others and the router's warm-up are still to come, which read as a
    // sign called a held-out failure healthy; since round 48: TGI's launcher's "Shard ready in …", logged at the same point, left unread for
    // the same reason; since round 50: a DGX Spark benchmark whose only ready words are its German wrapper script's, "bereit nach 309s" and
    // "== FERTIG … ==", a script's own lines, not an engine's; since round 54: a llama.cpp fork's (beellama.cpp) speculative-decoding
    // cycle lines, "srv  update_slots: spec cycle (1 slots): draft=29.1ms verify=108.6ms …", a fork's own line whose source was not read;
    // since round 57: Lucebox's DFlash benchmark script printing "HumanEval mean: AR=30.18  DFlash=75.01  AL=8.35  2.49x", a script's line;
    // since round 59: a vLLM smoke test on Gaudi whose only signs are its script's ("LLM init: 27.8s", "VLLM_GAUDI_SMOKE_OK"), and a Slurm
    // job's script printing "--ALL INFERENCE COMPLETED SUCCESSFULLY", a script's line: "completed successfully" alone is said by downloads
    // and conversions too, and read as a sign it would call a log cut after one healthy; since round 64: llcuda's wrapper printing its own
    // readiness, "Ready in 3.0s" and "llama-server running on GPU 0!", llama-server's own output not shown; since round 67: an Ollama
    // benchmark script's own table and "Total: 5 runs completed.", a script's line, Ollama's own output not shown; since round 249: a
    // FlagGems test of vLLM's fused MoE whose only sign is pytest's "PASSED", a test runner's line; since round 252: vLLM's hermes tool
    // parser's DEBUG "delta_text: …" while it streams, a parser's debug output with the request's outcome not shown; since round 254:
    // vLLM-Omni's "[AsyncOrchestrator] Entering scheduling loop" and a LoRA adapter loaded for a request, an orchestrator's lines whose
    // source was not read; since round 261: vineyard's DEBUG records of a KV cache updated while vLLM serves, an add-on's debug output;
    // since round 265: a benchmark script's own table of runs ("run-1 wall= 7.26s ttft= 13ms toks=1000"), the server's output not shown;
    // since round 280: LM Studio's own lines ("[LM STUDIO SERVER] Success! HTTP server listening on port 1234", "Accumulated N tokens"),
    // a closed application's words no source was read for; since round 284: an offline script's own print of EAGLE-3's acceptance
    // ("mean acceptance length: 3.57"), the engine's output not shown; since round 308: the Ollama Windows app's own HTTP server answering
    // its UI ("msg=site.serveHTTP … http.status=200", ollama fb307609:app/ui/ui.go:245-253), the app's requests, not the engine serving;
    // since round 325: TEI's candle backend's "Device Cpu healthcheck passed" from a PR's build, whose source line was not read; since
    // round 326: LM Studio's own listening line again; since round 328: pytest's "1 passed" of an lm-eval test, a test runner's line;
    // since round 332: SGLang's token pool sized ("max_total_num_tokens=…") and then uvicorn's "Waiting for application startup." with no
    // ready line, a start whose app's startup was not seen finished (health-evidence.ts, STARTING))
    expect(report.healthyCalledUnknown.length).toBeLessThanOrEqual(31);
  });

  it('gives every failure evidence lines that exist in the log', () => {
    for (const e of tuning.filter((x) => x.label !== 'healthy')) {
      const lines = e.text.split('\n');
      const r = report.results.find((x) => x.name === e.name && x.label === e.label)!;
      if (!r.ok) continue;
      expect(r.evidence.length, e.name).toBeGreaterThan(0);
      // an evidence line is the log's line as it reads: colours and CR are not part of it (asShown)
      for (const ev of r.evidence) expect(asShown(lines[ev.line - 1]!).trimEnd().startsWith(ev.text.replace(/…$/, '').slice(0, 40)) || ev.text.startsWith('…'), `${e.name}:${ev.line}`).toBe(true);
    }
  });
});
