import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface Device {
  id: string;
  name: string;
}

/**
 * Identifies this PC without storing anything in the data folder, so a data folder restored onto
 * another PC is recognised as such.
 */
export function thisDevice(): Device {
  let machineId = '';
  for (const p of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      machineId = readFileSync(p, 'utf8').trim();
      break;
    } catch {
      // Not Linux, or no machine id: the host name alone identifies the PC.
    }
  }
  const name = hostname();
  const id = createHash('sha256').update(`${process.platform}|${name}|${machineId}`).digest('hex').slice(0, 16);
  return { id, name };
}
