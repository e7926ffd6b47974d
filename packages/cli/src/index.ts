export { main } from './main.js';
export { parseCommandLine, helpText, type Command, type ScanCommand, type InitCommand, type ReportRequest, type ReportFormat } from './cli.js';
export { exitCode } from './commands/scan.js';
export type { Io, OutputStream } from './io.js';
