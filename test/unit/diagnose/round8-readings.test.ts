// Readings added from round 8's tuning misses: RunPod's console as a carrier, Xinference's logger header, argparse's
// error under any prog, and a logger header a terminal cut inside or right after it.
import { describe, expect, it } from 'vitest';
import { cleanLine, withoutCarrier } from '../../../harness/diagnose/line-clean.ts';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

describe("RunPod's console: the worker's id glued to its tag, each line's newline escaped", () => {
  it.each([
    ['abcd1234efgh56[info]pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig\\n', 'pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig'],
    ['abcd1234efgh56[info]  File "/x.py", line 1, in f\\n', '  File "/x.py", line 1, in f'],
  ])('%s', (line, text) => {
    expect(cleanLine(line).text).toBe(text);
  });

  it('keeps the indentation of the line it carries', () => {
    expect(withoutCarrier('abcd1234efgh56[info]    return f(x)')).toBe('    return f(x)');
  });

  it('is no carrier inside a word or with a tag it does not write', () => {
    expect(cleanLine('see logs[info] above').text).toBe('see logs[info] above');
    expect(cleanLine('abcd1234efgh56[status]ok').text).toBe('abcd1234efgh56[status]ok');
  });

  it('reads a traceback its console shows newest line first', () => {
    const log = [
      'abcd1234efgh56[error]worker exited with exit code 1',
      'abcd1234efgh56[info]  Value error, The repository `acme/foo` contains custom code which must be executed to correctly load the model.\\n',
      'abcd1234efgh56[info]pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig\\n',
      'abcd1234efgh56[info]    return ModelConfig(\\n',
      'abcd1234efgh56[info]  File "/usr/local/lib/python3.10/dist-packages/vllm/engine/arg_utils.py", line 910, in create_model_config\\n',
    ].join('\n');
    const d = classifyLog(log);
    expect(d.category).toBe('other');
    // (the ValidationError, or its validator's row above it here, "Value error, …", read as the failure since round 300: the same exception)
    expect(d.evidence.some((e) => /ValidationError|Value error, The repository/.test(e.text))).toBe(true);
  });
});

describe("Xinference's logger header: name, process, padded level", () => {
  it.each([
    ['2025-10-06 18:27:03,591 xinference.api.restful_api 7 ERROR    [address=0.0.0.0:1, pid=5] Error no file', '[address=0.0.0.0:1, pid=5] Error no file', 'ERROR'],
    ['2025-10-06 18:27:03,591 xinference.core.worker 123 INFO     Launching model', 'Launching model', 'INFO'],
  ])('%s', (line, text, level) => {
    expect(cleanLine(line)).toEqual({ text, level });
  });

  it('is no header without its process number', () => {
    expect(cleanLine('xinference ERROR happened').level).toBeNull();
  });

  it('an ERROR logged before a traceback cut off is the cause', () => {
    const log = [
      '2025-10-06 18:27:03,591 xinference.api.restful_api 7 ERROR    [address=0.0.0.0:1, pid=5] Error no file named model_index.json found in directory /models/x.',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.10/dist-packages/xinference/api/restful_api.py", line 1229, in launch_model',
      '    model_uid = await f(',
    ].join('\n');
    expect(classifyLog(log).category).toBe('other');
  });
});

describe("argparse's error after its usage, whatever its prog", () => {
  const usage = ['INFO 05-19 17:20:56 __init__.py:190] Automatically detected platform cuda.', 'usage: trl'];

  it('is a failure with a prog of two words', () => {
    const d = classifyLog([...usage, "TRL CLI: error: argument command: invalid choice: 'vllm-serve' (choose from 'chat', 'sft')"].join('\n'));
    expect(d.category).toBe('other');
    expect(d.evidence[0]!.text).toMatch(/TRL CLI: error: argument command/);
  });

  it('also after a usage wrapped over indented lines, and under a carrier', () => {
    const log = ['usage: my tool [-h] [--model MODEL]', '               [--port PORT]', 'my tool: error: unrecognized arguments: --foo'].map((l) => `vllm-1  | ${l}`).join('\n');
    expect(classifyLog(log).category).toBe('other');
  });

  it('is nothing without the usage before it', () => {
    expect(classifyLog(['INFO 05-19 17:20:56 __init__.py:190] Automatically detected platform cuda.', 'Known issue: error: none seen'].join('\n')).category).toBe('unknown');
  });
});

describe('a logger header a terminal cut', () => {
  it('inside its level: the line joined with its rest is an ERROR', () => {
    const log = [
      'Nov 27 16:20:40 ubuntu22lts bash[450388]: INFO:     192.168.1.161:60516 - "POST /v1/chat/completions HTTP/1.1" 200 OK',
      'Nov 27 16:20:53 ubuntu22lts bash[450388]: 2025-11-27 16:20:53,027 - lmdeploy - ERROR - async_engine.py:710 - [safe_run] exception',
    ].join('\n');
    expect(log.split('\n')[1]!.slice(0, 80)).toMatch(/ - E$/);
    const cut = log.split('\n').flatMap((l) => [l.slice(0, 80), l.slice(80)].filter((x) => x !== '')).join('\n');
    expect(classifyLog(log).category).toBe('unknown');
    expect(classifyLog(cut).category).toBe('unknown');
  });

  it('right after its level: the next line is its message, however it begins', () => {
    const line = '2025-10-06 18:27:03,591 xinference.api.restful_api 7 ERROR    [address=0.0.0.0:41897, pid=547] Error no file named model_index.json found in directory /models/x.';
    const log = [line.slice(0, 80), line.slice(80), 'Traceback (most recent call last):', '  File "/x.py", line 1, in f'].join('\n');
    expect(classifyLog(log).category).toBe('other');
  });
});
