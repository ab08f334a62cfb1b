// Readings made in the thirty-second session from tuning logs, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 257 readings', () => {
  it('reads an exception line under a traceback a paste stripped of its indentation as the exception, whatever its class is called', () => {
    // the source line right under its frame, unindented; `lark.exceptions.UnexpectedCharacters` ends in neither Error nor Exception
    const frames = ['Traceback (most recent call last):', 'File "/usr/lib/python3/dist-packages/lark/lexer.py", line 598, in next_token', 'raise UnexpectedCharacters(lex_state.text, line_ctr.char_pos)'];
    expect(category(...frames, "lark.exceptions.UnexpectedCharacters: No terminal matches '1' in the current parser context, at line 1 col 2")).toBe('other');
    // … indented, as Python writes it, the same
    expect(category('Traceback (most recent call last):', '  File "/x/lexer.py", line 598, in next_token', '    raise UnexpectedCharacters(text)', "lark.exceptions.UnexpectedCharacters: No terminal matches '1'")).toBe('other');
    // a line that only follows unindented prose, no frame above it, is no traceback's exception
    expect(category('Starting the worker', 'checking the lexer', 'lark.exceptions.UnexpectedCharacters: No terminal matches')).toBe('unknown');
  });

  it("reads the 2024 llama.cpp sampler's refusal of a request's grammar as that request's error", () => {
    // ikawrakow/ik_llama.cpp 663c94457dc03d62cd1c1b89404781fc22274958:common/sampling.cpp:15 (fprintf to stderr, no level)
    expect(category('llama_sampling_init: failed to parse grammar', 'launch_slot_with_data: failed to initialize sampling subsystem', 'task 8 - error: internal_error')).toBe('other');
    // a grammar that parsed, the request served, is not
    expect(category('llama_sampling_init: grammar parsed', 'print_timings: prompt eval time = 12.1 ms')).not.toBe('other');
  });
});
