// Test images made on the fly (no files fetched): a dominant colour with deterministic noise, as
// PNG (pngjs) or JPEG (jpeg-js), wrapped in data URLs for OpenAI `image_url` content parts. Pure.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export const COLOURS = {
  red: [220, 20, 20],
  green: [20, 200, 40],
  blue: [25, 40, 220],
  yellow: [240, 220, 30],
} as const satisfies Record<string, readonly [number, number, number]>;
export type TestColour = keyof typeof COLOURS;

/** Words a model may use for a colour, normalised to our names. */
const SYNONYMS: Record<string, TestColour | 'other'> = {
  red: 'red', crimson: 'red', scarlet: 'red',
  green: 'green', lime: 'green',
  blue: 'blue', navy: 'blue', azure: 'blue',
  yellow: 'yellow', gold: 'yellow', golden: 'yellow',
  orange: 'other', purple: 'other', violet: 'other', magenta: 'other', pink: 'other', cyan: 'other',
  white: 'other', black: 'other', gray: 'other', grey: 'other', brown: 'other',
};

/** RGBA pixels: `colour` everywhere except ~`noise` of pixels set to random colours (seeded). */
export function colourPixels(colour: TestColour, size = 64, noise = 0.15, seed = 1): Uint8Array {
  const [r, g, b] = COLOURS[colour];
  const data = new Uint8Array(size * size * 4);
  let state = seed >>> 0 || 1;
  const rand = (): number => {
    // xorshift32: deterministic noise, no dependency on Math.random
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  for (let i = 0; i < size * size; i++) {
    const noisy = rand() < noise;
    data[i * 4] = noisy ? Math.floor(rand() * 256) : r;
    data[i * 4 + 1] = noisy ? Math.floor(rand() * 256) : g;
    data[i * 4 + 2] = noisy ? Math.floor(rand() * 256) : b;
    data[i * 4 + 3] = 255;
  }
  return data;
}

export function pngDataUrl(colour: TestColour, size = 64, seed = 1): string {
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(colourPixels(colour, size, 0.15, seed));
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

export function jpegDataUrl(colour: TestColour, size = 64, seed = 1): string {
  const encoded = jpeg.encode({ width: size, height: size, data: Buffer.from(colourPixels(colour, size, 0.15, seed)) }, 90);
  return `data:image/jpeg;base64,${Buffer.from(encoded.data).toString('base64')}`;
}

/** Colour words in the answer, in order of appearance, normalised ("Grey" → other, "Crimson" → red). */
export function coloursIn(answer: string): Array<TestColour | 'other'> {
  const words = answer.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.map((w) => SYNONYMS[w]).filter((c): c is TestColour | 'other' => c !== undefined);
}
