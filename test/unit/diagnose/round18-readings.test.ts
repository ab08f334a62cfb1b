// Readings added from round 18's tuning misses (frameworks that run an engine, hardware off the datacenter path, usage threads):
// Ray's raylet report of a dead worker is a wrapper and its memory monitor's words are host memory; advice to "enable retry" is no
// going on; TGI's launcher relays a shard's raw output at DEBUG; TGI's router logs only "Success" at INFO in a request's span;
// TensorRT-LLM's python benchmark reports a configuration once its runs were timed; LocalAI's backend not installed.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

describe("Ray's raylet and memory monitor", () => {
  const died = '(raylet) A worker died or was killed while executing a task by an unexpected system error. To troubleshoot the problem, check the logs for the dead worker. RayTask ID: ffff Worker ID: 668d Node ID: 5bc8 Worker IP address: 10.1.1.1 Worker port: 11';

  it('a dead worker names no cause, also after a sign of health', () => {
    const log = ['(LLMRayActor pid=1) INFO 06-20 01:37:11 executor_base.py:219] It took 1.462464 seconds to wake up.', died];
    expect(classifyLog(log.join('\n')).category).toBe('unknown');
  });

  it.each([
    '(ActorModelRayActor pid=8249) Refer to the documentation on how to address the out of memory issue: https://docs.ray.io/en/latest/ray-core/scheduling/ray-oom-prevention.html. Consider provisioning more memory on this node or reducing task parallelism by requesting more CPUs per task. Set max_restarts and max_task_retries to enable retry when the task crashes due to OOM.',
    '(raylet) node_manager.cc:3096: 1 Workers (tasks / actors) killed due to memory pressure (OOM), 0 Workers crashed due to other reasons at node (ID: 90ef, IP: 172.17.0.2) over the last time period.',
    'ray.exceptions.OutOfMemoryError: Task was killed due to the node running low on memory.',
  ])('host memory the monitor reclaimed is other: %s', (line) => {
    expect(classifyLog(['2025-03-24 14:49:45,286\tINFO cli.py:83 -- Status message: Job entrypoint command failed with exit code 1', line].join('\n')).category).toBe('other');
  });

  it('no worker killed for memory is no failure', () => {
    expect(classifyLog('(raylet) node_manager.cc:3096: 0 Workers (tasks / actors) killed due to memory pressure (OOM), 1 Workers crashed due to other reasons').category).not.toBe('other');
  });
});

describe("TGI's launcher and router", () => {
  it("reads a shard's traceback relayed at DEBUG as its output", () => {
    const log = [
      '2024-02-21T05:55:25.318307Z DEBUG text_generation_launcher:     generations, next_batch = self.model.generate_token(batch)',
      '2024-02-21T05:55:25.318323Z DEBUG text_generation_launcher:   File "/usr/local/lib/python3.10/dist-packages/text_generation_server/models/causal_lm.py", line 704, in generate_token',
      '2024-02-21T05:55:25.318330Z DEBUG text_generation_launcher:     batch.input_ids[:, :token_idx], logits.squeeze(-2)',
      '2024-02-21T05:55:25.318335Z DEBUG text_generation_launcher: RuntimeError: Graph compile failed. synStatus=synStatus 26 [Generice failure].',
    ];
    const d = classifyLog(log.join('\n'));
    expect(d.category).toBe('other');
    expect(d.evidence.map((e) => e.line)).toContain(4);
  });

  it("takes a request's INFO line in the generate span, even cut before its message, as a request answered", () => {
    const line = '2023-12-01T10:00:00.000Z  INFO generate{parameters=GenerateParameters { best_of: Some(1), temperature: Some(0.2), repetition_penalty: None, top_k: None, top_p: Some(0.95), do_sample: true, max_new_tokens: 48';
    expect(classifyLog(line).category).toBe('healthy');
    expect(classifyLog(`${line} total_time="1.2s"}: text_generation_router::server: router/src/server.rs:289: Success`).category).toBe('healthy');
  });

  it('not its errors', () => {
    const line = '2023-12-01T10:00:00.000Z ERROR generate{parameters=GenerateParameters { best_of: None }}: text_generation_router::infer: router/src/infer.rs:599: Request failed during generation: Server error: CUDA out of memory.';
    expect(classifyLog(line).category).not.toBe('healthy');
  });
});

describe("TensorRT-LLM's python benchmark", () => {
  const row = (tps: string): string => `[BENCHMARK] model_name llama_7b world_size 1 num_heads 32 batch_size 64 input_length 2048 output_length 128 gpu_peak_mem(gb) 74.34 build_time(s) 208.28 tokens_per_sec ${tps} percentile95(ms) 4412.048 latency(ms) 4409.291 compute_cap sm90`;

  it('a configuration timed, tokens generated: healthy', () => {
    expect(classifyLog(row('1857.9')).category).toBe('healthy');
  });

  it('none generated: no sign', () => {
    expect(classifyLog(row('0.0')).category).toBe('unknown');
  });
});

describe('LocalAI', () => {
  it("a backend the model names that is not installed is an import-error, not survived by the stream's 200", () => {
    const log = [
      'Jan 07 09:55:05 ERROR Backend not found backend="llama-cpp"',
      'Jan 07 09:55:05 ERROR Failed to load model modelID="qwen3" error=failed to load model with internal loader: backend not found: llama-cpp backend="llama-cpp"',
      'Jan 07 09:55:05 ERROR Stream ended with error error=failed to load model with internal loader: backend not found: llama-cpp',
      'Jan 07 09:55:05 INFO  HTTP request method="POST" path="/v1/chat/completions" status=200',
    ];
    expect(classifyLog(log.join('\n')).category).toBe('import-error');
  });
});
