// A timer for "the server said nothing for N ms" that does not blame the server for our own pauses.
// The pipeline parses PDFs and big pages in the same process; a parse can hold the event loop for
// longer than a short limit, and when the loop comes back, timers run before the socket data that
// arrived meanwhile is read. Fired at that moment, a plain timer fails a healthy download.

export class SilenceTimer {
  private readonly timer: NodeJS.Timeout;
  private pending: NodeJS.Immediate | null = null;
  /** Counts signs of life, so that a check can tell whether one came after the timer fired. */
  private heard = 0;
  private stopped = false;

  constructor(ms: number, private readonly onSilence: () => void) {
    this.timer = setTimeout(() => this.expire(), ms);
  }

  /** Something arrived: the silence starts again from now. */
  refresh(): void {
    this.heard++;
    if (!this.stopped) this.timer.refresh();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
  }

  private expire(): void {
    const heardBefore = this.heard;
    // setImmediate runs after the loop's I/O phase: whatever was waiting on the socket is read
    // (and calls refresh) before we decide.
    this.pending = setImmediate(() => {
      this.pending = null;
      if (this.stopped) return;
      if (this.heard === heardBefore) {
        this.stopped = true;
        this.onSilence();
      }
    });
  }
}
