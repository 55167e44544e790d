import cliProgress from 'cli-progress';
import type { ProgressListener } from '../core/pipeline.ts';

/**
 * A progress bar on stderr when a person is watching; when stderr is not a terminal (cron, CI)
 * a line every few seconds instead, so logs stay readable.
 */
export function progressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressListener {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'refresh [{bar}] {value}/{total} documents | {url}', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: () => bar.start(0, 0, { url: '' }),
      update: (done, total, url) => {
        bar.setTotal(total);
        bar.update(done, { url: url.length > 60 ? `${url.slice(0, 57)}...` : url });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = Date.now();
  return {
    update: (done, total) => {
      const now = Date.now();
      if (now - lastLine < 5000) return;
      lastLine = now;
      stream.write(`refresh: ${done}/${total} documents\n`);
    },
  };
}
