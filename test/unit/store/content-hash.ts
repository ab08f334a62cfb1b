// A digest of every row of every table of a results database, in key order: equal digests mean
// equal content, whatever the file's page layout.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export const TABLES = ['runs', 'cells', 'attempts', 'phases', 'timeline', 'probes', 'requests', 'fingerprints', 'predictions', 'model_predictions'];

export function contentHash(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const h = createHash('sha256');
    for (const t of TABLES) h.update(t + JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()));
    return h.digest('hex');
  } finally {
    db.close();
  }
}
