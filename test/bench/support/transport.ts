// B4's profile: the harness's own stream probe run against one emulator container twice, through
// the published loopback port (docker-proxy, what `matrix run` uses) and through the container's
// bridge address (no proxy), to tell the transport's share of the latency error from the
// emulator's and the harness's.
import Docker from 'dockerode';
import { getEngine } from '../../../harness/engines/index.ts';
import type { Cell } from '../../../harness/matrix/types.ts';
import { streamProbe } from '../../../harness/probes/stream.ts';
import type { PeerContainer } from '../peers/container.ts';
import { TRIAL_LABEL } from './docker-events.ts';

export async function streamBothWays(cell: Cell, c: PeerContainer): Promise<{ proxy: Record<string, number>; bridge: Record<string, number> }> {
  const docker = new Docker();
  const port = `${c.port}/tcp`;
  const container = await docker.createContainer({
    Image: c.image, Cmd: c.cmd, Env: Object.entries(c.env).map(([k, v]) => `${k}=${v}`),
    Labels: { 'matrix.test': '1', [TRIAL_LABEL]: `transport-${process.pid}` }, ExposedPorts: { [port]: {} },
    HostConfig: { PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] } },
  });
  try {
    await container.start();
    const info = await container.inspect();
    const ip = Object.values(info.NetworkSettings.Networks)[0]?.IPAddress;
    const hostPort = info.NetworkSettings.Ports[port]?.[0]?.HostPort;
    const urls = { proxy: `http://127.0.0.1:${hostPort}`, bridge: `http://${ip}:${c.port}` };
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${urls.bridge}/health`, { signal: AbortSignal.timeout(500) }).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const run = async (baseUrl: string) => {
      const r = await streamProbe.run({ cell, engine: getEngine(cell.image.engine), baseUrl, model: cell.model.name, timeoutMs: 60_000, signal: new AbortController().signal, logTail: () => [], baseline: () => null });
      if (r.verdict !== 'pass') throw new Error(`stream probe via ${baseUrl}: ${r.error ?? r.verdict}`);
      return r.metrics;
    };
    return { proxy: await run(urls.proxy), bridge: await run(urls.bridge) };
  } finally {
    await container.remove({ force: true });
  }
}
