// Owns one invocation of the pipeline CLI: arguments → run → summary, and the one place where
// errors become exit codes (pipeline/errors.ts: 0 done · 1 bug · 2 bad input or usage · 3 busy).
import { HELP, resolveConfig } from './config.js';
import { ThemescopeError, exitCodeOf, type ExitCode } from './errors.js';
import { createReporter } from './progress.js';
import { runPipeline, type Reporter } from './run.js';
import { checkThemescopeDb, sayWhenStopped } from './store/copy-update.js';
import { formatSummary } from './summary.js';

export interface MainOptions {
  /** Wraps the progress reporter; the crash tests' fault injection (tests/fixtures/faulty-cli.ts) hooks in here. */
  wrapReporter?: (reporter: Reporter) => Reporter;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<ExitCode> {
  try {
    const config = resolveConfig(argv);
    if (config === 'help') {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    // Another program's DuckDB file is refused now, not after the run's minutes of work (the store checks again).
    await checkThemescopeDb(config.db);
    const reporter = createReporter({ quiet: config.quiet, tty: process.stderr.isTTY === true });
    const forget = sayWhenStopped(config.db);
    try {
      const summary = await runPipeline(config, options.wrapReporter?.(reporter) ?? reporter);
      process.stdout.write(formatSummary(summary, config.db));
    } finally {
      forget();
    }
    return 0;
  } catch (e) {
    const code = exitCodeOf(e);
    if (e instanceof ThemescopeError) {
      process.stderr.write(`themescope: ${e.message}\n${e.name === 'UsageError' ? 'Try --help.\n' : ''}`);
    } else {
      process.stderr.write(`themescope: internal error: ${(e as Error).stack ?? e}\n`);
    }
    return code;
  }
}
