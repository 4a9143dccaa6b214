// Owns the pipeline's error taxonomy: every failure a user can cause is a ThemescopeError carrying
// its exit code, so the CLI maps errors to exit codes in one place and anything else is a bug (1).
import type { IngestIssue } from './types.js';

/** 0 done · 1 internal error (a bug) · 2 bad input or usage · 3 database busy or unwritable. */
export type ExitCode = 0 | 1 | 2 | 3;

/** A failure the user can act on; its message is one line and is printed without a stack. */
export abstract class ThemescopeError extends Error {
  abstract readonly exitCode: 2 | 3;
}

/** A bad option or option value (`--k 0`, `--k-range 9..3`). */
export class UsageError extends ThemescopeError {
  readonly exitCode = 2;
  override name = 'UsageError';
}

/** Input that cannot give a run: the files, or what they hold, do not fit the options asked for. */
export class InputError extends ThemescopeError {
  readonly exitCode = 2;
  override name = 'InputError';
}

/** A fatal problem in an input file; the message names the file, and the line and field where known. */
export class IngestError extends InputError {
  override name = 'IngestError';
  constructor(
    message: string,
    readonly issue?: IngestIssue
  ) {
    super(message);
  }
}

/** The database is held by another writer (writer lock) or cannot be written. */
export class BusyError extends ThemescopeError {
  readonly exitCode = 3;
  override name = 'BusyError';
}

/** The exit code for anything thrown out of a run. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof ThemescopeError ? error.exitCode : 1;
}
