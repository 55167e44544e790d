// The entry of the embedded database's thread. Like the extraction workers' entry, this plain-JS
// file registers tsx before it loads any TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (!parentPort) throw new Error('pglite-thread-entry.js runs only as a worker thread (see src/store/pglite-thread.ts)');
register();
const { serveDatabase } = await import('./pglite-thread-server.ts');
await serveDatabase(parentPort, workerData);
