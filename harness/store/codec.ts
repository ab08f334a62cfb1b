// Compact encodings of the bulkiest raw facts, so a finished cell costs a handful of rows and few
// bytes to write (B7: one realistic cell carries ~330 chunk times; as JSON objects they were two
// thirds of the bytes and of the time spent writing it). Pure: no database here.
//
// Requests of a probe (schema 3, probes.requests + probes.timings):
//   requests  TEXT  JSON [{ "label": "seq-0", "chunks": 34, "error": null }]
//   timings   BLOB  little-endian float64s, per request in order: startMs, endMs, promptTokens,
//                   completionTokens, status, then the arrival time of each of its chunks (same
//                   monotonic clock as startMs), NaN where a value is null; then one byte per chunk,
//                   all requests in order: its kind as a letter (r role, c content, u usage, o other)
// Log excerpt (attempts.log_tail): one line per excerpt line, "<line number>\t<text>", joined by
// "\n" (a captured line never contains "\n"). Schema 1–2 stored JSON [{line, text}]; both read.
import type { RequestTiming } from '../core/probe-result.ts';

type Kind = RequestTiming['chunks'][number]['kind'];
const CODE: Record<Kind, number> = { role: 0x72, content: 0x63, usage: 0x75, other: 0x6f }; // r c u o: the first letter of each
const KIND = new Map<number, Kind>(Object.entries(CODE).map(([k, c]) => [c, k as Kind]));
/** Numbers stored per request before its chunk times. */
const HEAD = 5;

const num = (v: number | null) => (v === null ? NaN : v);
const orNull = (v: number) => (Number.isNaN(v) ? null : v);

export interface EncodedRequests {
  requests: string;
  timings: Buffer;
}

export function encodeRequests(requests: readonly RequestTiming[]): EncodedRequests {
  let chunks = 0;
  for (const q of requests) chunks += q.chunks.length;
  const floats = HEAD * requests.length + chunks;
  const buf = Buffer.allocUnsafe(8 * floats + chunks); // every byte is written below
  // Float64Array is host-endian: little-endian on every platform this runs on (x86-64, arm64).
  const f = new Float64Array(buf.buffer, buf.byteOffset, floats);
  const meta: Array<{ label: string; chunks: number; error: string | null }> = [];
  let i = 0;
  let k = 8 * floats;
  for (const q of requests) {
    f[i++] = q.startMs;
    f[i++] = q.endMs;
    f[i++] = num(q.promptTokens);
    f[i++] = num(q.completionTokens);
    f[i++] = num(q.status);
    for (const c of q.chunks) {
      f[i++] = c.atMs;
      buf[k++] = c.kind.charCodeAt(0); // CODE[c.kind]: each kind's code is its first letter (a keyed lookup cost ~30 ns a chunk)
    }
    meta.push({ label: q.label, chunks: q.chunks.length, error: q.error });
  }
  return { requests: JSON.stringify(meta), timings: buf };
}

export class CodecError extends Error {}

export function decodeRequests(requests: string | null, timings: Uint8Array | null): RequestTiming[] {
  const meta = JSON.parse(requests ?? '[]') as Array<{ label: string; chunks: number; error: string | null }>;
  const buf = timings ? Buffer.from(timings.buffer, timings.byteOffset, timings.byteLength) : Buffer.alloc(0);
  const chunks = meta.reduce((n, m) => n + m.chunks, 0);
  const floats = HEAD * meta.length + chunks;
  if (buf.length !== 8 * floats + chunks) throw new CodecError(`request timings are ${buf.length} bytes; the requests column describes ${8 * floats + chunks}`);
  let i = 0;
  let k = 8 * floats;
  const at = () => buf.readDoubleLE(8 * i++);
  return meta.map((m): RequestTiming => {
    const startMs = at();
    const endMs = at();
    const promptTokens = orNull(at());
    const completionTokens = orNull(at());
    const status = orNull(at());
    const list = Array.from({ length: m.chunks }, () => {
      const kind = KIND.get(buf[k]!);
      if (!kind) throw new CodecError(`unknown chunk kind byte ${buf[k]} in request ${m.label}`);
      k++;
      return { atMs: at(), kind };
    });
    return { label: m.label, startMs, chunks: list, endMs, promptTokens, completionTokens, status, error: m.error };
  });
}

export interface ExcerptLine {
  line: number;
  text: string;
}

export function encodeLogTail(lines: readonly ExcerptLine[]): string {
  let s = '';
  for (let i = 0; i < lines.length; i++) s += (i ? '\n' : '') + lines[i]!.line + '\t' + lines[i]!.text;
  return s;
}

export function decodeLogTail(stored: string | null | undefined): ExcerptLine[] {
  if (!stored) return [];
  if (stored.startsWith('[')) return JSON.parse(stored) as ExcerptLine[]; // schema 1–2
  return stored.split('\n').map((l) => {
    const tab = l.indexOf('\t');
    return { line: Number(l.slice(0, tab)), text: l.slice(tab + 1) };
  });
}
