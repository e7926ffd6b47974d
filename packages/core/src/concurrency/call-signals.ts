/**
 * Gives each cloud call an abort signal of its own, aborted when the scan's signal is. The AWS and Azure SDKs add an
 * `abort` listener to the signal of every request they send: handing them the scan's one signal put a listener on it
 * per call in flight, and past ten (concurrent calls) Node printed MaxListenersExceededWarning. Here
 * the scan's signal has one listener while calls are in flight, and none otherwise, so a signal shared by many
 * scans does not collect listeners either.
 */
export class CallSignals {
  private readonly inFlight = new Set<AbortController>();
  private readonly abortAll = (): void => {
    for (const controller of this.inFlight) controller.abort(this.scanSignal?.reason);
  };

  constructor(private readonly scanSignal: AbortSignal | undefined) {}

  /** Runs `work` with a signal of its own (none when the scan has none), released when `work` settles. */
  async run<T>(work: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    const scanSignal = this.scanSignal;
    if (scanSignal === undefined) return work(undefined);
    const controller = new AbortController();
    if (scanSignal.aborted) controller.abort(scanSignal.reason);
    if (this.inFlight.size === 0) scanSignal.addEventListener('abort', this.abortAll);
    this.inFlight.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      this.inFlight.delete(controller);
      if (this.inFlight.size === 0) scanSignal.removeEventListener('abort', this.abortAll);
    }
  }
}
