// The dockerode implementation of ContainerRuntime. Every dockerode call of the harness lives in
// harness/runtime/ (here, image-files.ts for reading image filesystems, exit-events.ts for the
// event stream); everything else speaks the interface, and a process holds one client (one
// DockerRuntime).
import Docker from 'dockerode';
import { Agent } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { DockerLogDemux } from './log-demux.ts';
import { removeDetached } from './detached-removal.ts';
import { ExitEvents } from './exit-events.ts';
import { InfraError } from '../errors.ts';
import { toInfraError } from './docker-errors.ts';
import { readImageFiles, withImageFs } from './image-files.ts';
import type { BuildOptions, ContainerHandle, ContainerListing, ContainerRuntime, ContainerSpec, ImageFile, ImageFs, ImageInfo, PullOptions, PullPolicy, ReadImageFilesOptions } from './runtime.ts';

/**
 * A fresh connection per request (no keep-alive): a kept-alive connection to an engine that is
 * shutting down still answers after its listener closed, which hides that the engine is going away
 * (and is dead after a restart).
 */
export function dockerClient(): Docker {
  // docker-modem takes `agent`; @types/dockerode does not list it.
  const opts = { agent: new Agent({ keepAlive: false }) } as Docker.DockerOptions;
  return new Docker(process.env.DOCKER_HOST ? opts : { ...opts, socketPath: '/var/run/docker.sock' });
}

/** Docker's multiplexed stream as the payload bytes; backpressure passes through, an error on either side ends both. */
function demuxed(raw: Readable): Readable {
  return pipeline(raw, new DockerLogDemux(), () => {});
}

/** A size as `docker run` reads it (--shm-size 64m): the largest unit that says it exactly. */
export function dockerSize(bytes: number): string {
  for (const [unit, size] of [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export class DockerRuntime implements ContainerRuntime {
  /** The output streams attached by start(), until logs() takes them. */
  private readonly attached = new Map<string, Readable>();

  private logConfig: Promise<{ Type: string; Config: Record<string, string> } | null> | null = null;
  /** Exits from Docker's 'die' events, for the containers this runtime created. */
  private readonly exits: ExitEvents;
  /** Removals discard() started, until they end. */
  private readonly removals = new Set<Promise<void>>();
  /** Containers created here and not removed yet. */
  private readonly created = new Set<string>();

  constructor(private readonly docker: Docker = dockerClient()) {
    this.exits = new ExitEvents(docker);
  }

  /**
   * The log driver of the harness's containers: `none` where the engine's default is `json-file`
   * (Docker's default, kept for compatibility, not chosen). The harness reads the whole output
   * through its attach (start()) and writes it, as it arrives, to the cell's log file under
   * --out/logs, which outlives the container; the driver's copy would only duplicate it on the
   * same disk for a container the harness removes minutes later. Measured on a 1 GiB flood
   * (test/bench/README.md, B5): dockerd delivers the attached output at ~81 MB/s while it also
   * writes json-file, ~107 MB/s with `local`, ~217 MB/s with no copy; and Docker's `wait` answers
   * only once that copy is on the disk (~1.8 s later per GiB with json-file). A live cell's log is
   * read with `tail -f` on its file, not `docker logs`. Any other default (local, journald,
   * fluentd, a collector …) was chosen by someone: kept.
   */
  private containerLogConfig(): Promise<{ Type: string; Config: Record<string, string> } | null> {
    this.logConfig ??= this.docker.info().then(
      (i: { LoggingDriver?: string }) => (i.LoggingDriver === 'json-file' ? { Type: 'none', Config: {} } : null),
      () => null,
    );
    return this.logConfig;
  }

  async ping() {
    try {
      const v = await this.docker.version();
      return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
    } catch (e) {
      const err = toInfraError(e, 'ping', 'the Docker engine does not answer');
      throw err.kind === 'docker-down' ? err : new InfraError('docker-down', err.message, 'start the Docker engine (`sudo systemctl start docker`, or `bash scripts/setup.sh` here), and check DOCKER_HOST', 'ping');
    }
  }

  async inspectImage(ref: string): Promise<ImageInfo | null> {
    try {
      const i = await this.docker.getImage(ref).inspect();
      const digest = i.RepoDigests?.[0]?.split('@')[1] ?? i.Id ?? null;
      const env: Record<string, string> = {};
      for (const e of i.Config?.Env ?? []) {
        const eq = e.indexOf('=');
        if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
      }
      return { ref, digest, id: i.Id, labels: i.Config?.Labels ?? {}, env, architecture: i.Architecture ?? null, os: i.Os ?? null, pulled: false };
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) return null;
      throw toInfraError(e, 'image', `inspecting image ${ref}`);
    }
  }

  async ensureImage(ref: string, policy: PullPolicy, opts: PullOptions = {}): Promise<ImageInfo> {
    if (policy !== 'always') {
      const have = await this.inspectImage(ref);
      if (have) return have;
      if (policy === 'never') {
        throw new InfraError('image-missing', `image ${ref} is not on the runner and --pull never forbids pulling it`, 'pull it first (`docker pull ' + ref + '`) or run with --pull missing', 'image');
      }
    }
    await this.pull(ref, opts);
    const info = await this.inspectImage(ref);
    if (!info) throw new InfraError('image-pull', `image ${ref} was pulled but cannot be inspected`, 'check the Docker engine log', 'image');
    return { ...info, pulled: true };
  }

  private async pull(ref: string, opts: PullOptions): Promise<void> {
    let stream: NodeJS.ReadableStream;
    try {
      // The signal ends the request and its progress stream (the engine stops a pull whose client went away).
      stream = await this.docker.pull(ref, { ...(opts.auth ? { authconfig: opts.auth } : {}), ...(opts.platform ? { platform: opts.platform } : {}), ...(opts.signal ? { abortSignal: opts.signal } : {}) });
    } catch (e) {
      throw toInfraError(e, 'image', `pulling ${ref}${opts.auth ? '' : ' (no registry credentials)'}`);
    }
    await new Promise<void>((resolve, reject) => {
      this.docker.modem.followProgress(
        stream,
        (err: Error | null, output: Array<{ error?: string; errorDetail?: { message?: string } }>) => {
          // followProgress reports transport errors in err, and registry errors as stream events.
          const failed = err ?? output?.find((o) => o.error || o.errorDetail);
          if (failed) reject(toInfraError(failed instanceof Error ? failed : new Error(failed.error ?? failed.errorDetail?.message), 'image', `pulling ${ref}`));
          else resolve();
        },
        (ev: { id?: string; status?: string; progressDetail?: { current?: number; total?: number } }) => {
          opts.onProgress?.({ id: ev.id ?? '', status: ev.status ?? '', current: ev.progressDetail?.current, total: ev.progressDetail?.total });
        },
      );
    });
  }

  async buildImage(context: Readable, tags: readonly string[], opts: BuildOptions = {}): Promise<void> {
    const [tag, ...more] = tags;
    if (tag === undefined) throw new Error('buildImage: give the image at least one tag');
    const stream: NodeJS.ReadableStream = await this.docker.buildImage(context as unknown as NodeJS.ReadableStream, { t: tag, rm: true, forcerm: true });
    await new Promise<void>((resolve, reject) => {
      this.docker.modem.followProgress(
        stream,
        (err: Error | null, events: Array<{ error?: string; errorDetail?: { message?: string } }>) => {
          const failed = err?.message ?? events.find((e) => e.error || e.errorDetail)?.error;
          if (failed) reject(new Error(`building ${tag} failed: ${failed}`));
          else resolve();
        },
        (e: { stream?: string }) => {
          const line = e.stream?.trim();
          if (line) opts.onProgress?.(line);
        },
      );
    });
    for (const other of more) {
      const colon = other.lastIndexOf(':');
      const [repo, t] = colon > other.lastIndexOf('/') ? [other.slice(0, colon), other.slice(colon + 1)] : [other, 'latest'];
      await this.docker.getImage(tag).tag({ repo, tag: t });
    }
  }

  readImageFiles(ref: string, opts: ReadImageFilesOptions): AsyncGenerator<ImageFile> {
    return readImageFiles(this.docker, ref, opts);
  }

  withImageFs<T>(ref: string, labels: Record<string, string>, use: (fs: ImageFs) => Promise<T>): Promise<T> {
    return withImageFs(this.docker, ref, labels, use);
  }

  async create(spec: ContainerSpec): Promise<ContainerHandle> {
    const portKey = `${spec.port}/tcp`;
    const binds = spec.mounts.length ? spec.mounts : undefined;
    const [logConfig] = await Promise.all([this.containerLogConfig(), this.exits.open()]);
    try {
      const c = await this.docker.createContainer({
        ...(spec.name ? { name: spec.name } : {}),
        Image: spec.image,
        ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
        Cmd: spec.cmd,
        Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
        Labels: spec.labels,
        ExposedPorts: { [portKey]: {} },
        ...(spec.platform ? { platform: spec.platform } : {}),
        HostConfig: {
          PortBindings: { [portKey]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
          ...(logConfig ? { LogConfig: logConfig } : {}),
          ...(binds ? { Binds: binds } : {}),
          ...(spec.ipcHost ? { IpcMode: 'host' } : { ShmSize: spec.shmSizeBytes ?? 2 * 1024 ** 3 }),
          ...(spec.runtime === 'nvidia' ? { Runtime: 'nvidia' } : {}),
          ...(spec.gpuDeviceIds && spec.runtime !== 'nvidia'
            ? { DeviceRequests: [{ Driver: '', Count: 0, DeviceIDs: spec.gpuDeviceIds, Capabilities: [['gpu']], Options: {} }] }
            : {}),
        },
      });
      this.exits.watch(c.id);
      this.created.add(c.id);
      return { id: c.id, containerPort: spec.port, hostPort: null };
    } catch (e) {
      throw toInfraError(e, 'create', `creating a container from ${spec.image}`);
    }
  }

  async start(handle: ContainerHandle): Promise<ContainerHandle> {
    const c = this.docker.getContainer(handle.id);
    // Attached before the start, so not one line is missed: the container's stdout and stderr as
    // dockerd copies them from the process, beside (not through) its log driver. Following the
    // log file instead (`logs --follow`) makes dockerd read back and decode every line it has just
    // written: on a 1 GiB flood it costs dockerd 3.5× the CPU and delivers less than half the
    // rate, and the reader lags the container by the difference (test/bench/README.md, B5).
    const out = await this.attach(c);
    try {
      await c.start();
    } catch (e) {
      out.destroy();
      throw toInfraError(e, 'start', 'starting the container');
    }
    let info: Docker.ContainerInspectInfo | null = null;
    try {
      info = await c.inspect();
    } catch {
      // The container may already have exited (a fast crash): readiness will see the exit.
    }
    // A TTY container's output is one raw stream; anything else is multiplexed.
    this.attached.set(handle.id, info?.Config?.Tty ? out : demuxed(out));
    // Readiness and probes go through the loopback port mapping only: the bridge address is not
    // reachable from every runner (Docker Desktop, rootless) and is no place to send traffic to.
    const hostPort = info?.NetworkSettings?.Ports?.[`${handle.containerPort}/tcp`]?.[0]?.HostPort;
    return { ...handle, hostPort: hostPort ? Number(hostPort) : handle.hostPort };
  }

  private async attach(c: Docker.Container): Promise<Readable> {
    try {
      return (await c.attach({ stream: true, stdout: true, stderr: true, logs: false })) as unknown as Readable;
    } catch (e) {
      // Without the attach the harness would run the cell blind (its log driver may keep no copy).
      throw toInfraError(e, 'start', "attaching to the container's output");
    }
  }

  private dropAttached(id: string): void {
    this.attached.get(id)?.destroy();
    this.attached.delete(id);
  }

  async logs(handle: ContainerHandle): Promise<Readable> {
    const out = this.attached.get(handle.id);
    if (out) {
      this.attached.delete(handle.id);
      return out;
    }
    // A container this runtime did not start: the log driver's copy, followed.
    const c = this.docker.getContainer(handle.id);
    const raw = (await c.logs({ follow: true, stdout: true, stderr: true })) as unknown as Readable;
    const info = await c.inspect().catch(() => null);
    return info?.Config?.Tty ? raw : demuxed(raw);
  }

  /** The exit code: from the 'die' event or from the wait endpoint, whichever answers first (see exit-events.ts). */
  wait(handle: ContainerHandle): Promise<number> {
    const endpoint = this.docker
      .getContainer(handle.id)
      .wait()
      .then((r: { StatusCode: number }) => r.StatusCode);
    const event = this.exits.exited(handle.id);
    if (!event) return endpoint;
    endpoint.catch(() => {}); // it may lose the race, then fail (the container removed meanwhile)
    return Promise.race([endpoint, event]);
  }

  async stop(handle: ContainerHandle, graceSeconds = 5): Promise<void> {
    try {
      await this.docker.getContainer(handle.id).stop({ t: graceSeconds });
    } catch {
      // already stopped or gone
    }
  }

  async list(labelFilter: string[]): Promise<ContainerListing[]> {
    const cs = await this.docker.listContainers({ all: true, filters: { label: labelFilter } });
    return cs.map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? '').replace(/^\//, ''), labels: c.Labels ?? {}, state: c.State }));
  }

  async remove(id: string): Promise<void> {
    this.dropAttached(id);
    try {
      await this.docker.getContainer(id).remove({ force: true, v: true });
    } catch (e) {
      const code = (e as { statusCode?: number }).statusCode;
      if (code !== 404 && code !== 409) throw toInfraError(e, 'teardown', `removing container ${id.slice(0, 12)}`);
    } finally {
      this.exits.forget(id);
      this.created.delete(id);
    }
  }

  async removeCreated(): Promise<void> {
    await Promise.all([...this.created].map((id) => this.remove(id).catch(() => {})));
  }

  removeInBackground(labelFilter: string[]): void {
    removeDetached(labelFilter);
  }

  discard(id: string): void {
    const p: Promise<void> = this.remove(id)
      .catch(() => {}) // as a removal in teardown: a container left behind is reaped by the next run
      .finally(() => this.removals.delete(p));
    this.removals.add(p);
  }

  async drain(): Promise<void> {
    while (this.removals.size) await Promise.all([...this.removals]);
    this.exits.close();
  }

  describeRun(spec: ContainerSpec): string {
    const parts = ['docker run --rm'];
    if (spec.runtime === 'nvidia') parts.push('--runtime nvidia');
    else if (spec.gpuDeviceIds) parts.push(`--gpus '"device=${spec.gpuDeviceIds.join(',')}"'`);
    parts.push(spec.ipcHost ? '--ipc host' : `--shm-size ${dockerSize(spec.shmSizeBytes ?? 2 * 1024 ** 3)}`);
    if (spec.platform) parts.push(`--platform ${spec.platform}`);
    parts.push(`-p 127.0.0.1:${spec.port}:${spec.port}`);
    for (const m of spec.mounts) parts.push(`-v ${shellQuote(m)}`);
    const secret = new Set(spec.secretEnv ?? []);
    for (const [k, v] of Object.entries(spec.env)) parts.push(secret.has(k) ? `-e ${k}` : `-e ${shellQuote(`${k}=${v}`)}`);
    if (spec.entrypoint) parts.push(`--entrypoint ${shellQuote(spec.entrypoint[0] ?? '')}`);
    parts.push(shellQuote(spec.image));
    const rest = [...(spec.entrypoint?.slice(1) ?? []), ...spec.cmd];
    parts.push(...rest.map(shellQuote));
    return parts.join(' \\\n  ');
  }
}
