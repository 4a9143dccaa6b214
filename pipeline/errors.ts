// Owns the pipeline's error taxonomy: every failure a user can cause is a ThemescopeError carrying
// its exit code, so the CLI maps errors to exit codes in one place and anything else is a bug (1).
import type { IngestIssue } from './types.js';

/** 0 done · 1 internal error (a bug) · 2 bad input or usage · 3 database busy or unwritable. */
export type ExitCode = 0 | 1 | 2 | 3;

/**
 * A failure the user can act on; its message is one line and is printed without a stack. The
 * message quotes what a file holds (a header, a value), so its control characters are escaped
 * (escapeControls): a binary file's bytes must not ring, clear or rewrite the user's terminal.
 */
export abstract class ThemescopeError extends Error {
  abstract readonly exitCode: 2 | 3;
  constructor(message: string) {
    super(escapeControls(message));
  }
}

/** C0 controls but tab and line feed, DEL and C1 controls. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** `text` with every control character but tab and line feed written as \xNN, for a terminal. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
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
