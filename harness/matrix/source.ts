// A parsed YAML file that remembers where every value came from, so any later check can say
// `file:line:col`. Pure: takes the text, not the path on disk.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { MatrixIssue, SourceLocation } from '../errors.ts';

export type Path = ReadonlyArray<string | number>;

export interface Source {
  file: string;
  /** The plain JS value of the document (null for an empty file). */
  value: unknown;
  /** Where the value at `path` starts; falls back to the closest ancestor that exists. */
  at(path: Path): SourceLocation;
  /** Where the key `path[-1]` of a mapping is written (falls back to `at`). */
  keyAt(path: Path): SourceLocation;
}

export type ParseResult = { ok: true; source: Source } | { ok: false; issues: MatrixIssue[] };

const FLOW_HINT = 'inside { } or [ ], quote values that contain {, }, [, ] or "," — e.g. HF_TOKEN: "${HF_TOKEN}"';

export function parseSource(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const loc = (offset: number): SourceLocation => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  if (doc.errors.length > 0) {
    // Later YAML errors are mostly echoes of the first one; report that one precisely.
    const e = doc.errors[0]!;
    const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const dup = e.code === 'DUPLICATE_KEY';
    const message = dup ? first.replace(/^Map keys must be unique$/, 'duplicate key') : `YAML syntax error: ${first}`;
    const near = text.slice(Math.max(0, e.pos[0] - 40), e.pos[1] + 40);
    const hint = dup ? 'each key may appear once in a mapping' : near.includes('${') ? FLOW_HINT : 'check the indentation, brackets and quotes near this position';
    return { ok: false, issues: [{ loc: loc(e.pos[0]), message, hint }] };
  }
  const root = doc.contents as Node | null;
  const nodeAt = (path: Path): { node: Node | null; keyNode: Node | null; depth: number } => {
    let node: Node | null = root;
    let keyNode: Node | null = null;
    let depth = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        keyNode = null;
        node = node.items[seg] as Node;
      } else break;
      depth++;
    }
    return { node, keyNode, depth };
  };
  const start = (n: Node | null): SourceLocation => loc(n?.range?.[0] ?? 0);
  const source: Source = {
    file,
    value: doc.toJS({ maxAliasCount: 100 }) ?? null,
    at: (path) => start(nodeAt(path).node),
    keyAt: (path) => {
      const r = nodeAt(path);
      return r.depth === path.length && r.keyNode ? start(r.keyNode) : start(r.node);
    },
  };
  return { ok: true, source };
}
