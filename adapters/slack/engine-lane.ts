// Look-ups are CPU work on the one event loop. Run concurrently, twenty of them finish
// together and every ack waits for all of them. The lane runs them one at a time and
// yields to I/O between them (setImmediate), so Bolt can acknowledge new requests while
// look-ups queue; its wait estimate lets the command handler ack first under load.

export class EngineLane {
  private readonly queue: (() => void)[] = [];
  private busy = false;
  private typical: number;

  constructor(
    initialEstimateMs = 50,
    /** A job still running after this no longer holds up the lane (it keeps running). */
    private readonly stuckMs = 5000,
  ) {
    this.typical = initialEstimateMs;
  }

  /** Rough time a look-up queued now would wait before it starts, plus its own run. */
  estimatedMs(): number {
    return (this.queue.length + (this.busy ? 1 : 0) + 1) * this.typical;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        const started = performance.now();
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          clearTimeout(stuck);
          this.busy = false;
          this.next();
        };
        const stuck = setTimeout(release, this.stuckMs);
        work()
          .then(resolve, reject)
          .finally(() => {
            // A moving average: recent look-ups say most about the next ones.
            this.typical = 0.8 * this.typical + 0.2 * (performance.now() - started);
            release();
          });
      });
      if (!this.busy) this.next();
    });
  }

  private next(): void {
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    setImmediate(job);
  }
}
