// `${VAR}` in env values: read from the runner's environment (injectable), and mark the value a
// secret so it is redacted everywhere. `${VAR:-fallback}` uses the fallback when VAR is unset;
// `$$` is a literal `$`. Pure.
import type { EnvValue } from '../core/cell.ts';

export type Lookup = (name: string) => string | undefined;

export type InterpolateResult = { ok: true; value: EnvValue } | { ok: false; message: string; hint: string };

const TOKEN_RE = /\$\$|\$\{([^}]*)\}|\$\{/g;
const REF_RE = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

export function interpolate(raw: string, lookup: Lookup): InterpolateResult {
  const from: string[] = [];
  let secret = false;
  let failure: InterpolateResult | null = null;
  const value = raw.replace(TOKEN_RE, (whole: string, inner: string | undefined) => {
    if (whole === '$$') return '$';
    secret = true;
    const m = inner === undefined ? null : REF_RE.exec(inner);
    if (!m) {
      failure ??= { ok: false, message: `bad variable reference "${whole}"`, hint: 'write ${NAME} or ${NAME:-fallback}; $$ is a literal $' };
      return '';
    }
    const name = m[1]!;
    from.push(name);
    const v = lookup(name);
    if (v !== undefined) return v;
    if (m[2] !== undefined) return m[2];
    failure ??= {
      ok: false,
      message: `environment variable ${name} is not set`,
      hint: `export ${name} before running, or write \${${name}:-} to allow it to be empty`,
    };
    return '';
  });
  if (failure) return failure;
  return { ok: true, value: secret ? { value, secret: true, from: [...new Set(from)] } : { value, secret: false } };
}
