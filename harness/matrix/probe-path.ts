// A custom probe is named by its module's path: relative to the matrix file's folder (./, ../) or
// absolute. Anything else must be a built-in probe's name.
import { isAbsolute } from 'node:path';

export function isProbeModulePath(v: string): boolean {
  return v.startsWith('./') || v.startsWith('../') || isAbsolute(v);
}
