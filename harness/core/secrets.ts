// Secrets (`${VAR}` env values) never reach the store, the logs the harness writes, the report,
// JUnit, the step summary or the console. These helpers are the one place that knows how.
import type { Cell, EnvValue } from './cell.ts';

export const REDACTED = '***';

export function secretValues(cells: readonly Cell[]): string[] {
  const out = new Set<string>();
  const add = (env: Record<string, EnvValue>) => {
    for (const v of Object.values(env)) if (v.secret && v.value.length > 0) out.add(v.value);
  };
  for (const c of cells) {
    add(c.env);
    add(c.image.env);
    if (c.image.auth) add(c.image.auth);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function redactEnv(env: Record<string, EnvValue>): Record<string, EnvValue> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.secret ? { ...v, value: REDACTED } : v]));
}

/** The cell as it may be stored or shown: secret env values replaced. */
export function redactCell(cell: Cell): Cell {
  const auth = cell.image.auth ? (redactEnv(cell.image.auth) as { username: EnvValue; password: EnvValue }) : cell.image.auth;
  return { ...cell, env: redactEnv(cell.env), image: { ...cell.image, env: redactEnv(cell.image.env), auth } };
}

/** Replace every secret value inside a string. */
export function redactText(text: string, secrets: readonly string[]): string {
  let s = text;
  for (const v of secrets) if (v.length >= 4 && s.includes(v)) s = s.split(v).join(REDACTED);
  return s;
}

/** Deep-redact any JSON-able value. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return JSON.parse(redactText(JSON.stringify(value), secrets.map((s) => JSON.stringify(s).slice(1, -1)))) as T;
}
