// Runs the real pipeline in a child process, for tests that kill it: a replay server over the
// given fixtures, a polite host (so the run takes long enough to be killed in the middle), and a
// line on stdout per finished document.
import { definePipeline } from '../../src/core/pipeline-config.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { Fetcher } from '../../src/fetch/client.ts';
import { startReplayServer } from '../../src/fetch/replay.ts';
import { openStore } from '../../src/store/index.ts';

const [fixturesDir, seed, delay] = process.argv.slice(2);
const config = definePipeline({
  name: 'crash-test',
  userAgent: 'elet-test',
  sources: [{ adapter: 'generic', seeds: [seed] }],
  dedupe: { mergeThreshold: 0.8, reviewThreshold: 0.5, precedence: { default: ['generic'] } },
});
const replay = await startReplayServer(fixturesDir);
const store = await openStore();
await store.migrate();
const fetcher = new Fetcher({ userAgent: 'elet-test', defaultConcurrency: 1, defaultMinDelayMs: Number(delay), rewrite: (url) => replay.rewrite(url) });
const controller = new AbortController();
process.once('SIGTERM', () => controller.abort());
const report = await runPipeline({
  config,
  store,
  fetcher,
  signal: controller.signal,
  progress: { update: (done) => process.stdout.write(`done ${done}\n`) },
});
process.stdout.write(`report ${JSON.stringify({ runId: report.runId, resumed: report.resumed, status: report.status, documents: report.documents })}\n`);
await fetcher.close();
await replay.close();
await store.close();
