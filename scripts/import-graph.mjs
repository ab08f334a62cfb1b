// The house plan's floors, measured from the imports (ARCHITECTURE.md "Floors"): prints the
// folder-level edges of harness/ (and the root reports/), every import that runs UP the floors, and
// every folder-level cycle. Exit 1 when an upward import or a cycle exists.
//   node scripts/import-graph.mjs          # summary
//   node scripts/import-graph.mjs --edges  # also each folder edge with the files that make it
// Imports are read with TypeScript's own pre-processor (static, type-only, re-exports, dynamic).
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FLOORS, forbiddenFor } from './floors.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');


function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (/\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The room a file lives in: harness/<room>/…, harness/errors.ts → errors, reports/… → reports. */
export function roomOf(file) {
  const rel = relative(ROOT, file).split(sep);
  if (rel[0] === 'reports') return 'reports';
  if (rel[0] !== 'harness') return undefined;
  if (rel.length === 2) return rel[1].replace(/\.[^.]+$/, '');
  return rel[1];
}

function lineOf(text, pos) {
  return text.slice(0, pos).split('\n').length;
}

export function importEdges() {
  const files = [...walk(join(ROOT, 'harness')), ...walk(join(ROOT, 'reports'))];
  const edges = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const from = roomOf(file);
    const info = ts.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), ref.fileName);
      const to = roomOf(target);
      if (!to || to === from) continue;
      edges.push({ from, to, file: relative(ROOT, file), line: lineOf(text, ref.pos), spec: ref.fileName });
    }
  }
  return edges;
}

/** Strongly connected components of the folder graph with more than one folder (Tarjan). */
export function folderCycles(pairs) {
  const adj = new Map();
  for (const [a, b] of pairs) {
    if (!adj.has(a)) adj.set(a, new Set());
    if (!adj.has(b)) adj.set(b, new Set());
    adj.get(a).add(b);
  }
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), out = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of adj.get(v)) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do { w = stack.pop(); on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...adj.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

function main() {
  const showEdges = process.argv.includes('--edges');
  const edges = importEdges();
  const byPair = new Map();
  for (const e of edges) {
    const key = `${e.from} → ${e.to}`;
    if (!byPair.has(key)) byPair.set(key, []);
    byPair.get(key).push(e);
  }
  const unknown = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((r) => !(r in FLOORS));
  console.log(`folder edges (${byPair.size}, from ${edges.length} imports):`);
  for (const [key, list] of [...byPair].sort()) {
    console.log(`  ${key}  ${list.length}`);
    if (showEdges) for (const e of list) console.log(`      ${e.file}:${e.line} ${e.spec}`);
  }
  const up = edges.filter((e) => e.from in FLOORS && forbiddenFor(e.from).includes(e.to));
  console.log(`\nimports up the floors, or out of core/ (${up.length}):`);
  for (const e of up) console.log(`  ${e.file}:${e.line} (${e.from}, floor ${FLOORS[e.from]}) → ${e.spec} (${e.to}, floor ${FLOORS[e.to]})`);
  const cycles = folderCycles([...byPair.values()].map((l) => [l[0].from, l[0].to]));
  console.log(`\nfolder-level cycles (${cycles.length}):`);
  for (const scc of cycles) {
    const inside = [...byPair.values()].filter((l) => scc.includes(l[0].from) && scc.includes(l[0].to));
    console.log(`  {${scc.join(', ')}}: ${inside.map((l) => `${l[0].from}→${l[0].to} (${l.length})`).join(', ')}`);
  }
  if (unknown.length) console.log(`\nrooms not on any floor: ${unknown.join(', ')}`);
  const bad = up.length + cycles.length + unknown.length;
  console.log(`\n${bad === 0 ? 'ok' : 'FAIL'}: ${up.length} upward imports, ${cycles.length} cycles, ${unknown.length} rooms off the plan`);
  process.exitCode = bad === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
