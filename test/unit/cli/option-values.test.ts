// A value an option's own check refuses is reported like every other usage error: the command that
// refused it, what is wrong, and what the option is for.
import { describe, expect, it } from 'vitest';
import { command as runs } from '../../../harness/cli/runs.ts';
import { parseCommand } from '../../../harness/cli/command.ts';
import { UsageError } from '../../../harness/errors.ts';

describe('an option value its check refuses', () => {
  it('names the command, the value and the option', () => {
    let err: unknown;
    try {
      parseCommand(runs, ['--limit', '0']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe('matrix runs: --limit must be a positive whole number (got "0")');
    expect((err as UsageError).hint).toBe('--limit: newest N runs; run `matrix runs --help` for the options');
  });

  it('a good value parses', () => {
    expect(parseCommand(runs, ['--limit', '5']).values).toMatchObject({ limit: 5 });
  });
});
