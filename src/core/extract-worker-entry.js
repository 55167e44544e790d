// The entry of an extraction worker thread. Worker threads start without the main thread's module
// loader, so, like src/bin/elet.js, this plain-JS file registers tsx before it loads any TypeScript.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (!parentPort) throw new Error('extract-worker-entry.js runs only as a worker thread (see src/core/extractor.ts)');
register();
const { serveExtractTasks } = await import('./extract-worker.ts');
serveExtractTasks(parentPort);
