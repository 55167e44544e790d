// Which process owns a run. A pid means something only on the machine that issued it, so a run is
// known to be orphaned by its pid only on the same host; elsewhere its heartbeat has to tell.
import { hostname } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  hostname: string;
}

export function thisProcess(): ProcessIdentity {
  return { pid: process.pid, hostname: hostname() };
}

/** Whether a process with that pid exists on this machine. Signal 0 checks without signalling. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user; only ESRCH says there is no such process.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** A run's owner is gone when it ran here under a pid that no longer exists. */
export function ownerIsGone(owner: { pid: number | null; hostname: string | null }, self: ProcessIdentity = thisProcess()): boolean {
  if (owner.pid === null || owner.hostname !== self.hostname) return false;
  if (owner.pid === self.pid) return false;
  return !isProcessAlive(owner.pid);
}
