/**
 * Runs the control plane's servers as child processes, each in its own process group with its
 * output in `<dir>/logs/<name>.log`, and makes sure none outlives the test process: stop()
 * ends them (TERM, then KILL), an `exit` hook kills them synchronously, and a detached
 * watchdog kills them and removes the temp dir if this process dies without either
 * (SIGKILL, a crashed worker).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface Server {
  name: string;
  logFile: string;
  /** The exit code or signal, once it has exited; undefined while it runs. */
  exited(): string | undefined;
}

const WATCHDOG = String.raw`
while kill -0 "$1" 2>/dev/null; do sleep 1; done
if [ -f "$2/pids" ]; then while read -r p; do kill -KILL -- "-$p" 2>/dev/null; done < "$2/pids"; fi
rm -rf "$2"`;

export class Supervisor {
  private readonly children: { server: Server; child: ChildProcess }[] = [];
  private readonly watchdog: ChildProcess;
  private readonly onExit = () => this.killAllNow();
  readonly logDir: string;

  constructor(private readonly dir: string) {
    this.logDir = path.join(dir, 'logs');
    mkdirSync(this.logDir, { recursive: true });
    this.watchdog = spawn('bash', ['-c', WATCHDOG, 'e2e-watchdog', String(process.pid), dir], { detached: true, stdio: 'ignore' });
    this.watchdog.unref();
    process.once('exit', this.onExit);
  }

  start(name: string, bin: string, args: string[], env: NodeJS.ProcessEnv = {}): Server {
    const logFile = path.join(this.logDir, `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(bin, args, { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
    closeSync(fd);
    let status: string | undefined;
    child.on('exit', (code, signal) => (status = signal ?? `exit ${code}`));
    child.on('error', (err) => (status = `failed to start: ${err.message}`));
    if (child.pid) appendFileSync(path.join(this.dir, 'pids'), `${child.pid}\n`);
    const server: Server = { name, logFile, exited: () => status };
    this.children.push({ server, child });
    return server;
  }

  /** The last lines of every log, for a failure message. */
  tails(lines = 40): string {
    return this.children
      .map(({ server }) => {
        const text = existsSync(server.logFile) ? readFileSync(server.logFile, 'utf8') : '';
        const tail = text.split('\n').slice(-lines).join('\n');
        return `--- ${server.name} (${server.exited() ?? 'running'}) ${server.logFile}\n${tail}`;
      })
      .join('\n');
  }

  /** Servers that exited although nobody stopped them. */
  crashed(): Server[] {
    return this.children.map((c) => c.server).filter((s) => s.exited() !== undefined);
  }

  /** Stops every server, last started first (the Argo CD controllers before the API server). */
  async stopAll(graceMs = 5_000): Promise<void> {
    for (const { child, server } of [...this.children].reverse()) {
      if (server.exited() !== undefined || !child.pid) continue;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      signal(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signal(child.pid!, 'SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    }
    process.off('exit', this.onExit);
    if (this.watchdog.pid) signal(this.watchdog.pid, 'SIGKILL');
  }

  /** Stops every server, then removes the directory they ran in; a second call does nothing. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.stopAll();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private disposed = false;

  private killAllNow(): void {
    for (const { child, server } of this.children) if (child.pid && server.exited() === undefined) signal(child.pid, 'SIGKILL');
  }
}

/** Signals the whole process group, so a server's own children go too. */
function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // already gone
  }
}
