import { InputError, ScanAbortedError, describeError, toolVersion, visibleText } from '@trustscan/core';
import { helpText, parseCommandLine } from './cli.js';
import { processIo, type Io } from './io.js';
import { UsageError } from './usage-error.js';

/**
 * The CLI's entry point: parses the command line, runs the command and maps every outcome to an exit code in one
 * place: 0 and 1 from the command, 2 for usage and input errors (one line, no stack), 130 when interrupted.
 */
export async function main(argv: readonly string[], io: Io = interruptibleIo()): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const command = parseCommandLine(argv);
    switch (command.command) {
      case 'help':
        io.stdout.write(helpText);
        return 0;
      case 'version':
        io.stdout.write(`${toolVersion}\n`);
        return 0;
      case 'scan': {
        debug = command.debug;
        const { runScan } = await import('./commands/scan.js');
        return await runScan(command, io);
      }
      case 'init': {
        const { runInit } = await import('./commands/init.js');
        return await runInit(command, io);
      }
      case 'rules-list': {
        const { runRulesList } = await import('./commands/rules-list.js');
        return await runRulesList(command, io);
      }
      case 'evidence-verify': {
        const { runEvidenceVerify } = await import('./commands/evidence-verify.js');
        return await runEvidenceVerify(command, io);
      }
      case 'evidence-import': {
        const { runEvidenceImport } = await import('./commands/evidence-import.js');
        return await runEvidenceImport(command, io);
      }
      case 'evidence-report': {
        const { runEvidenceReport } = await import('./commands/evidence-report.js');
        return await runEvidenceReport(command, io);
      }
      case 'evidence-actions': {
        const { runEvidenceActions } = await import('./commands/evidence-actions.js');
        return await runEvidenceActions(command, io);
      }
      case 'evidence-summary': {
        const { runEvidenceSummary } = await import('./commands/evidence-summary.js');
        return await runEvidenceSummary(command, io);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`trustscan: ${error.message} (see trustscan --help)\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr.write(`trustscan: ${visibleText(error.message)}\n`);
      return 2;
    }
    if (error instanceof ScanAbortedError) {
      io.stderr.write('trustscan: interrupted; no report was written.\n');
      return 130;
    }
    io.stderr.write(`trustscan: internal error: ${describeError(error)}. Please report it at https://github.com/trustscan/trustscan/issues${debug ? '' : ' (run with --debug for details)'}.\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

/** The process's streams, with Ctrl-C aborting the scan (a second Ctrl-C exits at once). */
function interruptibleIo(): Io {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  return processIo(controller.signal);
}
