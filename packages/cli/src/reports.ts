import type { ScanResult } from '@trustscan/core';
import { toHtml, toJson, toJunit, toMarkdown, toSarif, toText } from '@trustscan/reporters';
import type { FailOn, ReportFormat, ReportRequest } from './cli.js';
import type { Io } from './io.js';
import { writeOutput } from './write-output.js';

export interface RenderOptions {
  readonly includePassed: boolean;
  readonly color: boolean;
  readonly sarifCategory?: string;
  /** The threshold the exit code uses, for the text report's last line. */
  readonly failOn?: FailOn;
  /** The day of the scan, `YYYY-MM-DD`, for the Markdown and HTML reports. */
  readonly date?: string;
}

const renderers: Readonly<Record<ReportFormat, (result: ScanResult, options: RenderOptions) => string>> = {
  text: (result, options) => toText(result, { color: options.color, includePassed: options.includePassed, ...(options.failOn === undefined ? {} : { failOn: options.failOn }) }),
  json: (result, options) => toJson(result, { includePassed: options.includePassed }),
  sarif: (result, options) => toSarif(result, options.sarifCategory === undefined ? {} : { category: options.sarifCategory }),
  markdown: (result, options) => toMarkdown(result, options.date === undefined ? {} : { date: options.date }),
  html: (result, options) => toHtml(result, options.date === undefined ? {} : { date: options.date }),
  junit: (result) => toJunit(result),
};

/** Renders every requested report from the one scan result and writes it to its file or to standard output. */
export async function writeReports(result: ScanResult, requests: readonly ReportRequest[], options: RenderOptions, io: Io): Promise<void> {
  for (const request of requests) {
    const text = renderers[request.format](result, { ...options, color: options.color && request.output === undefined });
    await writeOutput(text, request.output, request.format, io);
  }
}
