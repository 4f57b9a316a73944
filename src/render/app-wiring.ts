/**
 * `uses: [<app>]` for an application of the same claim: its address, as plain values (an app's
 * Service name and port are no secret). `<APP>` is the app name in upper case with `-` → `_`.
 * The port is the Service port of the app's first declared port.
 */
import type { ApplicationSpec } from '../claims/types.js';
import type { EnvEntry } from './wiring.js';

export const envPrefix = (name: string): string => name.toUpperCase().replace(/-/g, '_');

/** The port other pods reach an app on: the first port's servicePort, else the port itself. */
export function servicePortOf(app: ApplicationSpec): number | undefined {
  const first = app.ports?.[0];
  return first && (first.servicePort ?? first.port);
}

export function appWiring(target: ApplicationSpec): EnvEntry[] {
  const port = servicePortOf(target);
  if (port === undefined) return []; // refused by validation: a used app must have a port
  const p = envPrefix(target.name);
  return [
    { name: `${p}_HOST`, value: target.name },
    { name: `${p}_PORT`, value: String(port) },
    { name: `${p}_URL`, value: `http://${target.name}:${port}` },
  ];
}
