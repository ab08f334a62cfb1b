// Per-probe options from the matrix (ctx.options), validated with zod so a typo fails the probe
// with a precise message instead of being ignored.
import { z } from 'zod';
import { ProbeError } from '../errors.ts';

export function parseOptions<S extends z.ZodType>(probe: string, schema: S, raw: Record<string, unknown> | undefined): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ProbeError(`invalid options for probe "${probe}": ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}`);
  }
  return parsed.data;
}
