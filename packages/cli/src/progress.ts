import { visibleText, type ProgressEvent } from '@trustscan/core';
import type { OutputStream } from './io.js';

/** Shows what a scan is doing on one self-rewriting line of a terminal; silent when not on a terminal. */
export class ProgressLine {
  private shown = false;

  constructor(private readonly stream: OutputStream) {}

  update(event: ProgressEvent): void {
    if (!this.stream.isTTY) return;
    const text = visibleText(`${event.target}: ${event.message}`).slice(0, 120);
    this.stream.write(`\r\u001b[2K${text}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
