import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sayUnownedSignals } from '../../../harness/cli/unowned-signals.ts';

function watched() {
  const proc = new EventEmitter();
  const said: string[] = [];
  const codes: number[] = [];
  sayUnownedSignals('matrix diagnose', { proc: proc as unknown as NodeJS.Process, write: (s) => said.push(s), exit: (c) => codes.push(c) });
  return { proc, said, codes };
}

describe('a signal no part of the command handles', () => {
  it('SIGINT: says the command was interrupted and exits 130, as a shell reports Ctrl-C', () => {
    const { proc, said, codes } = watched();
    proc.emit('SIGINT', 'SIGINT');
    expect(said.join('')).toBe('\nSIGINT: matrix diagnose interrupted (exit 130)\n');
    expect(codes).toEqual([130]);
  });

  it('SIGTERM exits 143 (128 + 15)', () => {
    const { proc, said, codes } = watched();
    proc.emit('SIGTERM', 'SIGTERM');
    expect(said.join('')).toContain('SIGTERM: matrix diagnose interrupted (exit 143)');
    expect(codes).toEqual([143]);
  });

  it('where a part of the command watches the signal itself (a run under way), that part decides alone', () => {
    const { proc, said, codes } = watched();
    const owned: string[] = [];
    const owner = (s: string) => owned.push(s);
    proc.on('SIGINT', owner);
    proc.emit('SIGINT', 'SIGINT');
    expect(owned).toEqual(['SIGINT']);
    expect(said).toEqual([]);
    expect(codes).toEqual([]);
    proc.off('SIGINT', owner); // the run ended: the next signal is unowned again
    proc.emit('SIGINT', 'SIGINT');
    expect(codes).toEqual([130]);
  });
});
