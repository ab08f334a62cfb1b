// A private Docker engine for tests that stop and restart the engine: its own socket, data root,
// exec root, pid file and bridge, started the way scripts/setup.sh starts the machine's engine
// (`nohup setsid dockerd … &`). Stopping it disturbs no other test. Needs root, dockerd and ip.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { waitFor, workdir } from './matrix-cli.ts';

export function canRunPrivateDockerd(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v dockerd && command -v ip'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class PrivateDockerd {
  readonly dir = workdir('dockerd-');
  readonly socket = join(this.dir, 'docker.sock');
  readonly host = `unix://${this.socket}`;
  readonly docker = new Docker({ socketPath: this.socket });
  private readonly bridge = `brmx${process.pid % 100000}`;
  private readonly subnet = `172.31.${(process.pid % 200) + 20}.1/24`;
  private bridgeMade = false;

  private pid(): number | null {
    const file = join(this.dir, 'docker.pid');
    if (!existsSync(file)) return null;
    const pid = Number(readFileSync(file, 'utf8').trim());
    try {
      process.kill(pid, 0);
    } catch {
      return null;
    }
    // an exited process its parent has not reaped yet (a zombie) is gone too: its state after the name in /proc/<pid>/stat is Z
    try {
      return / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)/s, ') ')) ? null : pid;
    } catch {
      return null;
    }
  }

  private async answers(): Promise<boolean> {
    try {
      await this.docker.ping();
      return true;
    } catch {
      return false;
    }
  }

  async start(): Promise<void> {
    if (!this.bridgeMade) {
      execFileSync('ip', ['link', 'add', this.bridge, 'type', 'bridge']);
      this.bridgeMade = true;
      execFileSync('ip', ['addr', 'add', this.subnet, 'dev', this.bridge]);
      execFileSync('ip', ['link', 'set', this.bridge, 'up']);
    }
    const d = this.dir;
    // iptables off: published ports go through docker-proxy, and the machine's engine's rules stay untouched.
    const cmd = `nohup setsid dockerd --host ${this.host} --data-root ${d}/data --exec-root ${d}/exec --pidfile ${d}/docker.pid -b ${this.bridge} --iptables=false --ip-masq=false >>${d}/dockerd.log 2>&1 &`;
    spawn('sh', ['-c', cmd], { stdio: 'ignore', detached: true }).unref();
    await waitFor(() => this.answers(), 60_000, `the private dockerd to answer (log: ${d}/dockerd.log)`);
  }

  /** SIGTERM, as an operator restarting the engine would; waits until the process is gone. */
  async stop(): Promise<void> {
    const pid = this.pid();
    if (pid === null) return;
    process.kill(pid, 'SIGTERM');
    await waitFor(() => this.pid() === null, 60_000, 'the private dockerd to exit');
  }

  /**
   * Stops the engine (its containers stopped with it), removes the bridge and the data. An engine that does not exit within
   * stop()'s minute of SIGTERM (seen on a loaded 2-core runner, after the test had passed) is killed: the teardown must leave
   * no daemon behind, and a slow exit is not what the test is about.
   */
  async dispose(): Promise<void> {
    if (this.pid() !== null && (await this.answers())) {
      const left = await this.docker.listContainers({ all: true });
      for (const c of left) await this.docker.getContainer(c.Id).remove({ force: true }).catch(() => {});
    }
    await this.stop().catch(async () => {
      const pid = this.pid();
      if (pid !== null) process.kill(pid, 'SIGKILL');
      await waitFor(() => this.pid() === null, 30_000, 'the private dockerd to exit after SIGKILL');
    });
    if (this.bridgeMade) execFileSync('ip', ['link', 'del', this.bridge]);
    this.bridgeMade = false;
    // dockerd bind-mounts its data root onto itself and leaves the mount behind.
    const mounts = readFileSync('/proc/mounts', 'utf8');
    for (const sub of ['data', 'exec']) {
      const target = join(this.dir, sub);
      if (mounts.includes(` ${target} `)) execFileSync('umount', ['-l', target]);
    }
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // a mount left under the data root: leave the directory to the OS's tmp cleaning
    }
  }
}
