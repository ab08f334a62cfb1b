// Download progress of one model on stderr: one line rewritten in place on a terminal; a line per
// event (plan, each file, retries, rate limits) in a log, where a rewritten line would be noise.
import { formatBytes } from '../models/disk-space.ts';
import type { PullEvent } from '../models/pull-events.ts';
import type { PullResult } from '../models/pull.ts';

export interface ProgressOut {
  write(s: string): unknown;
  isTTY?: boolean;
}

export function modelProgress(out: ProgressOut, model: string): (e: PullEvent) => void {
  let files = 0;
  let total = { files: 0, bytes: 0 };
  let bytes = 0;
  let lastDraw = 0;
  const status = () => `${files}/${total.files} files, ${formatBytes(bytes)} of ${formatBytes(total.bytes)}${total.bytes ? ` (${Math.floor((bytes / total.bytes) * 100)}%)` : ''}`;
  const line = (s: string) => out.write(out.isTTY ? `\r\x1b[2K  model ${model}: ${s}` : `  model ${model}: ${s}\n`);
  return (e) => {
    switch (e.kind) {
      case 'plan':
        total = { files: e.missingFiles, bytes: e.missingBytes };
        line(`${e.revision} = ${e.commit.slice(0, 12)}, ${e.files} files ${formatBytes(e.bytes)}; downloading ${e.missingFiles} (${formatBytes(e.missingBytes)})`);
        if (out.isTTY) out.write('\n');
        return;
      case 'waiting':
        return line(`another download of this model is running (pid ${e.pid} on ${e.host}); waiting for it`);
      case 'bytes':
        bytes += e.n;
        if (out.isTTY && performance.now() - lastDraw > 200) {
          lastDraw = performance.now();
          line(status());
        }
        return;
      case 'file-end':
        files++;
        return out.isTTY ? line(status()) : line(`${e.path} ${formatBytes(e.size)} in ${e.seconds.toFixed(1)} s — ${status()}`);
      case 'retry':
        return line(`${e.path}: transfer failed (${e.reason}); restarting the file (attempt ${e.attempt})${out.isTTY ? '\n' : ''}`);
      case 'rate-limited':
        return line(`rate-limited by the hub (429); retrying in ${(e.waitMs / 1000).toFixed(1)} s (attempt ${e.attempt})${out.isTTY ? '\n' : ''}`);
      case 'file-begin':
        return;
    }
  };
}

/** The closing line of a model's download (or of finding it already complete). */
export function modelDone(out: ProgressOut, model: string, r: PullResult): void {
  const head = out.isTTY ? '\r\x1b[2K' : '';
  const what = r.alreadyComplete ? 'complete in the cache' : `downloaded ${formatBytes(r.downloadedBytes)}`;
  out.write(`${head}  model ${model}: ${what} (${r.marker.files.length} files, ${r.marker.revision} = ${r.marker.commit.slice(0, 12)})\n`);
}

/** Progress of every model a run warms, on stderr. */
export const stderrProgress = {
  begin: (model: string) => modelProgress(process.stderr, model),
  done: (model: string, r: PullResult) => modelDone(process.stderr, model, r),
};
