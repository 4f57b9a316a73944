/**
 * What every action command is handed: the process environment and the reporter. Its own
 * module so the commands do not import main.ts, which imports them.
 */
import type { Reporter } from './report.js';

export interface ActionContext {
  env: Record<string, string | undefined>;
  reporter: Reporter;
}
