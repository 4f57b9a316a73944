// Runs a command and measures it with its children: wall time, CPU time (user + sys of every
// process it waited for, from /usr/bin/time when present), and the peak of the summed RSS of the
// whole process tree, sampled from /proc every 50 ms. Summed RSS counts pages that processes
// share (helm's binary text) once per process: an upper bound on the memory the tree took.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const TIME = '/usr/bin/time';

function children() {
  const byParent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone between readdir and read
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!byParent.has(ppid)) byParent.set(ppid, []);
    byParent.get(ppid).push(Number(name));
  }
  return byParent;
}

function treeRss(root) {
  const byParent = children();
  let pages = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    try {
      pages += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    } catch {
      // exited
    }
    stack.push(...(byParent.get(pid) ?? []));
  }
  return pages * PAGE;
}

/** { code, ms, cpuS, largestRssMb, treeRssMb, stderr } for `argv` run in `cwd`, stdout to `stdoutFile`. */
export function measure(argv, { cwd, env, stdoutFile }) {
  const timed = existsSync(TIME) ? [TIME, '-f', 'BENCH_TIME %e %U %S %M', ...argv] : argv;
  const out = openSync(stdoutFile, 'w');
  const start = process.hrtime.bigint();
  const child = spawn(timed[0], timed.slice(1), { cwd, env, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (t) => (stderr += t));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      closeSync(out);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const t = /BENCH_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      resolve({
        code,
        ms,
        cpuS: t ? Number(t[2]) + Number(t[3]) : NaN,
        largestRssMb: t ? Number(t[4]) / 1024 : NaN,
        treeRssMb: peak / (1 << 20),
        stderr: stderr.replace(/BENCH_TIME .*\n?/, ''),
      });
    });
  });
}
