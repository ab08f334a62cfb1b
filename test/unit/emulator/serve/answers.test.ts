import { describe, expect, it } from 'vitest';
import { answerFor, corruptAnswer, deterministicText, solveArithmetic, solveWordProblem, tokenize, wrongInBatch } from '../../../../harness/emulator/serve/answers.ts';
import { corruptsInBatch } from '../../../../harness/emulator/serve/chat-responder.ts';
import { FaultTraits } from '../../../../harness/core/emulator-traits.ts';
import { dominantColourOfDataUrl, nameColour } from '../../../../harness/emulator/serve/colour.ts';
import { solidJpeg, solidPng } from '../fixtures.ts';
import { PNG } from 'pngjs';

describe('arithmetic answers', () => {
  it.each([
    ['What is 17 + 25? Answer with just the number.', '42'],
    ['What is 100 - 58?', '42'],
    ['Compute 6 * 7.', '42'],
    ['What is 84 / 2?', '42'],
    ['What is 7 x 6?', '42'],
    ['What is 40 plus 2?', '42'],
    ['What is 50 minus 8?', '42'],
    ['What is 21 multiplied by 2?', '42'],
    ['What is 126 divided by 3?', '42'],
    ['What is the sum of 40 and 2?', '42'],
    ['What is the product of 6 and 7?', '42'],
    ['Subtract 8 from 50.', '42'],
    ['What is 1 / 4?', '0.25'],
    ['What is -3 + 5?', '2'],
    ['What is 1,000 + 24?', '1024'],
  ])('%s → %s', (q, a) => {
    expect(solveArithmetic(q)).toBe(a);
  });

  it('answers null when there is no arithmetic', () => {
    expect(solveArithmetic('Tell me about the sea.')).toBeNull();
  });
});

describe('colour naming', () => {
  it.each([
    [255, 0, 0, 'red'], [0, 200, 0, 'green'], [0, 0, 230, 'blue'], [250, 250, 0, 'yellow'], [0, 255, 255, 'cyan'],
    [255, 0, 255, 'magenta'], [255, 255, 255, 'white'], [5, 5, 5, 'black'], [255, 160, 0, 'orange'], [128, 0, 128, 'purple'], [128, 128, 128, 'gray'],
  ] as const)('rgb(%i,%i,%i) is %s', (r, g, b, name) => {
    expect(nameColour(r, g, b)).toBe(name);
    expect(dominantColourOfDataUrl(solidPng(r, g, b))).toBe(name);
  });

  it('decodes JPEG data URLs', () => {
    expect(dominantColourOfDataUrl(solidJpeg(0, 0, 255))).toBe('blue');
    expect(dominantColourOfDataUrl(solidJpeg(255, 0, 0))).toBe('red');
  });

  it('names the dominant colour, not the first pixel', () => {
    const png = new PNG({ width: 10, height: 10 });
    for (let i = 0; i < 100; i++) png.data.set(i < 30 ? [255, 0, 0, 255] : [0, 255, 0, 255], i * 4);
    expect(dominantColourOfDataUrl(`data:image/png;base64,${PNG.sync.write(png).toString('base64')}`)).toBe('green');
  });

  it('returns null for something that is not an image', () => {
    expect(dominantColourOfDataUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(dominantColourOfDataUrl('https://example.com/cat.png')).toBeNull();
  });
});

describe('answerFor', () => {
  it('answers one colour per image, in order', () => {
    expect(answerFor({ text: 'What colour is each image?', images: [solidPng(255, 0, 0), solidJpeg(0, 0, 255), solidPng(255, 255, 0)] })).toBe('red, blue, yellow');
  });

  it('gives other prompts a deterministic text that depends on the prompt', () => {
    const a = answerFor({ text: 'Tell me a story', images: [] });
    expect(answerFor({ text: 'Tell me a story', images: [] })).toBe(a);
    expect(answerFor({ text: 'Tell me another story', images: [] })).not.toBe(a);
    expect(tokenize(deterministicText('x', 48))).toHaveLength(48);
  });

  it('tokenizes so that the tokens join back to the text', () => {
    const t = 'Hello  big world.';
    expect(tokenize(t)).toEqual(['Hello', '  big', ' world.']);
    expect(tokenize(t).join('')).toBe(t);
  });

  it('corrupts answers when speculation is lossy', () => {
    expect(corruptAnswer('42')).toBe('43');
    const text = deterministicText('y');
    expect(corruptAnswer(text)).not.toBe(text);
  });
});

describe('counting, conversions and word problems', () => {
  it.each([
    ['How many times does the letter "s" appear in "mississippi"? Answer with just the number.', '4'],
    ['How many items are in this list: oak, elm, ash, fir? Answer with just the number.', '4'],
    ['Convert 7 kilometres to metres. Answer with just the number.', '7000'],
    ['Convert 3 feet to inches.', '36'],
    ['Convert 2 weeks into hours.', '336'],
    ['Ana has 7 boxes with 12 pencils in each. Ana gives away 15 pencils, then buys 8 more. How many pencils does Ana have now?', '77'],
    ['Ben has 3 jars with 10 buttons in each. Ben sells 5 buttons, then finds 2 more. Later Ben loses 7 buttons. How many buttons does Ben have now?', '20'],
  ])('%s → %s', (q, a) => {
    expect(solveWordProblem(q)).toBe(a);
    expect(answerFor({ text: q, images: [] })).toBe(a);
  });

  it('leaves what it cannot solve to the other answers', () => {
    expect(solveWordProblem('Convert 3 metres to hours.')).toBeNull();
    expect(solveWordProblem('What is 17 + 25?')).toBeNull();
  });
});

describe('corrupt_batched', () => {
  const faults = FaultTraits.parse({ corrupt_batched: { graphs: 'full' } });
  it('corrupts from min_batch requests on (default 2), under its graph mode only', () => {
    expect(corruptsInBatch(faults, 'full', 1)).toBe(false);
    expect(corruptsInBatch(faults, 'full', 2)).toBe(true);
    expect(corruptsInBatch(faults, 'off', 32)).toBe(false);
    expect(corruptsInBatch(FaultTraits.parse({}), 'full', 32)).toBe(false);
  });
  it('a batch decoded wrongly names other colours and other numbers', () => {
    expect(wrongInBatch('red')).toBe('green');
    expect(wrongInBatch('yellow, blue, red')).toBe('cyan, yellow, green');
    expect(wrongInBatch('42')).toBe('43');
  });
});
