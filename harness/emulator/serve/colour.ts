// The dominant colour of an image sent as a data URL (PNG or JPEG), named among a small fixed
// palette so that an image probe can check the answer. Pure: decode, count, name.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';

export const COLOUR_NAMES = ['red', 'green', 'blue', 'yellow', 'cyan', 'magenta', 'white', 'black', 'orange', 'purple', 'gray'] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];

const PALETTE: ReadonlyArray<readonly [ColourName, number, number, number]> = [
  ['red', 255, 0, 0],
  ['green', 0, 255, 0],
  ['blue', 0, 0, 255],
  ['yellow', 255, 255, 0],
  ['cyan', 0, 255, 255],
  ['magenta', 255, 0, 255],
  ['white', 255, 255, 255],
  ['black', 0, 0, 0],
  ['orange', 255, 165, 0],
  ['purple', 128, 0, 128],
  ['gray', 128, 128, 128],
];

/** Nearest palette colour by Euclidean distance in RGB. */
export function nameColour(r: number, g: number, b: number): ColourName {
  let best: ColourName = 'black';
  let bestD = Infinity;
  for (const [name, pr, pg, pb] of PALETTE) {
    const d = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Uint8Array;
}

/** Decode a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL; null when it is neither. */
export function decodeDataUrl(url: string): DecodedImage | null {
  const m = /^data:image\/([a-z+.-]+);base64,(.*)$/is.exec(url.trim());
  if (!m) return null;
  const bytes = Buffer.from(m[2]!, 'base64');
  try {
    if (bytes[0] === 0x89 && bytes[1] === 0x50) {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch {
    return null;
  }
  return null;
}

/** The palette name that most pixels are nearest to (transparent pixels ignored). */
export function dominantColour(img: DecodedImage): ColourName {
  const counts = new Map<ColourName, number>();
  const step = Math.max(1, Math.floor((img.width * img.height) / 20_000));
  for (let p = 0; p < img.width * img.height; p += step) {
    const i = p * 4;
    if (img.data[i + 3]! < 16) continue;
    const name = nameColour(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: ColourName = 'black';
  let bestN = -1;
  for (const [name, n] of counts) {
    if (n > bestN) {
      best = name;
      bestN = n;
    }
  }
  return best;
}

/** Colour name of an image data URL, or null when it cannot be decoded. */
export function dominantColourOfDataUrl(url: string): ColourName | null {
  const img = decodeDataUrl(url);
  return img ? dominantColour(img) : null;
}
