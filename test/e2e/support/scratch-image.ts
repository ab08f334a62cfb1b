// Build a test image FROM scratch out of files given in memory (the tar context docker build reads),
// labelled matrix.test=1. Such an image is never started: the preflights read its files.
import type Docker from 'dockerode';
import { pack } from 'tar-stream';

export async function buildScratchImage(docker: Docker, tag: string, files: Record<string, Buffer>): Promise<void> {
  const ctx = pack();
  ctx.entry({ name: 'Dockerfile' }, 'FROM scratch\nCOPY root/ /\n');
  for (const [path, bytes] of Object.entries(files)) ctx.entry({ name: `root/${path.replace(/^\//, '')}` }, bytes);
  ctx.finalize();
  const stream: NodeJS.ReadableStream = await docker.buildImage(ctx as unknown as NodeJS.ReadableStream, { t: tag, labels: { 'matrix.test': '1' }, rm: true, forcerm: true });
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null, out: Array<{ error?: string }>) => {
      const failed = out?.find((o) => o.error);
      if (err || failed) reject(err ?? new Error(failed!.error));
      else resolve();
    }),
  );
}
