// Readings made in the fourteenth session from tuning logs and upstream sources (rounds 47-48), each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('rounds 47-48 readings', () => {
  const cut = ['Traceback (most recent call last):', '  File "/opt/conda/bin/text-generation-server", line 8, in <module>', '    sys.exit(app())'];

  it('reads an error that names nothing but that something failed, over a traceback cut before its exception, as a cause not in the log', () => {
    // TGI's logger.exception messages (server.py:283, interceptor.py:27 at v3.0.0) and text-generation-webui's (ui_model_menu.py:228)
    expect(category('2023-09-07T15:48:48.260924Z ERROR text_generation_launcher: Error when initializing model', ...cut)).toBe('unknown');
    expect(category('2024-03-30T14:16:55.617195Z ERROR text_generation_launcher: Method Warmup encountered an error.', ...cut)).toBe('unknown');
    expect(category('01:55:12-675028 ERROR Failed to load the model.', ...cut)).toBe('unknown');
    // … cut by a terminal in the logger's name, the rest still names nothing
    const wide = '2024-03-30T14:16:55.617195Z ERROR text_generation_launcher: Method Warmup encountered an error.';
    expect(category(wide.slice(0, 60), wide.slice(60), ...cut)).toBe('unknown');
  });

  it('keeps an error that names what failed, or why, as the cause over a cut traceback', () => {
    expect(category("ERROR    2024-06-02 08:21:46,304 infinity_emb ERROR: shape '[2, 512]' is invalid for input of size 524288", ...cut)).toBe('other');
    expect(category('01:55:12-675028 ERROR Failed to load the model: CUDA out of memory. Tried to allocate 2.00 GiB', ...cut)).toBe('oom');
    expect(category('2023-09-07T15:48:48.260924Z ERROR text_generation_launcher: Error when initializing model llama-70b from /data/x', ...cut)).toBe('other');
  });
});
