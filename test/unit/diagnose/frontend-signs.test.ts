// Signs of health written by the servers and UIs people run an engine through (llama.cpp's server, text-generation-webui,
// Gradio, LocalAI, KoboldCpp, ComfyUI, Ray Serve), each read at its source (health-evidence.ts): a request answered, a reply counted, a server
// bound. What looks like them but shows nothing (a model list answered while loading, a reply of 0 tokens) is no sign.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { healthKindOf } from '../../../harness/diagnose/health-evidence.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

const kind = (line: string): string | null => healthKindOf(readLog(line)[0]!);

describe('signs of the servers and UIs around an engine', () => {
  it.each([
    ['srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200', 'success'],
    ['request: POST /completion 127.0.0.1 200', 'success'],
    ['srv  log_server_r: request: GET /health 127.0.0.1 200', 'success'],
    ['INFO [      log_server_request] request | tid="140" timestamp=1712 remote_addr="127.0.0.1" remote_port=50412 status=200 method="POST" path="/completion" params={}', 'success'],
    ['12:01:02-345678 INFO     Output generated in 2.35 seconds (10.21 tokens/s, 24 tokens, context 50, seed 1234567)', 'success'],
    ['* Running on local URL:  http://127.0.0.1:7860', 'listening'],
    ['Running on local URL:  http://0.0.0.0:7860', 'listening'],
    ['1:38AM INF LocalAI API is listening! Please connect to the endpoint for API documentation. endpoint=http://0.0.0.0:8080', 'listening'],
    ['Please connect to custom endpoint at http://localhost:5001', 'listening'],
    ['srv  update_slots: all slots are idle', 'listening'],
    ['To see the GUI go to: http://127.0.0.1:8188', 'listening'],
    ["INFO 2025-01-01 10:00:00,000 serve 1 -- Application 'default' is ready at http://127.0.0.1:8000/.", 'listening'],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
  });

  it.each([
    // llama.cpp answers the model lists while it loads (middleware_server_state), and 503 elsewhere
    'srv  log_server_r: request: GET /v1/models 127.0.0.1 200',
    'srv  log_server_r: request: GET /models 127.0.0.1 200',
    'srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 503',
    'INFO [      log_server_request] request | tid="140" timestamp=1712 remote_addr="127.0.0.1" remote_port=50412 status=500 method="POST" path="/completion" params={}',
    // text-generation-webui writes its count in a `finally`, also after a failed generation
    'Output generated in 0.31 seconds (0.00 tokens/s, 0 tokens, context 50, seed 1234567)',
  ])('no sign: %s', (line) => {
    expect(kind(line)).toBeNull();
  });

  it('a failed generation logged before its count is the failure, not health', () => {
    const log = [
      '12:01:02-345678 ERROR    Failed to generate reply (HF)',
      'Traceback (most recent call last):',
      '  File "/app/modules/text_generation.py", line 470, in generate_reply_HF',
      'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 23.64 GiB of which 1.01 GiB is free.',
      '12:01:03-000001 INFO     Output generated in 0.92 seconds (0.00 tokens/s, 0 tokens, context 812, seed 42)',
    ].join('\n');
    expect(classifyLog(log).category).toBe('oom');
  });

  it('a UI that listened and then failed on a request is the failure', () => {
    const log = [
      '* Running on local URL:  http://127.0.0.1:7860',
      'Traceback (most recent call last):',
      '  File "/app/modules/text_generation.py", line 470, in generate_reply_HF',
      'RuntimeError: CUDA error: no kernel image is available for execution on the device',
    ].join('\n');
    expect(classifyLog(log).category).toBe('no-kernel-image');
  });
});
