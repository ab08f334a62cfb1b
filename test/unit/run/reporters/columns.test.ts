import { describe, expect, it } from 'vitest';
import { columns, columnWidths } from '../../../../harness/run/reporters/columns.ts';

describe('columns', () => {
  it('pads every column but the last to its widest cell, two spaces apart, without trailing blanks', () => {
    expect(columns([['CELL', 'GPUS', 'SKIP'], ['a/h100/m/f', '1', ''], ['b', '12', 'no fp8']])).toEqual(['CELL        GPUS  SKIP', 'a/h100/m/f  1', 'b           12    no fp8']);
  });

  it('lines up tables printed apart with shared widths, and indents', () => {
    const widths = columnWidths([['x', 'y'], ['longer', 'z']]);
    expect(widths).toEqual([6, 1]);
    expect(columns([['x', 'y']], { widths, indent: '  ' })).toEqual(['  x       y']);
  });

  it('a short row has no cells in the columns it lacks', () => {
    expect(columns([['flag', 'what it does'], ['--x']])).toEqual(['flag  what it does', '--x']);
  });
});
