// Owns how ingest words trouble: one line shared by skipped records and fatal IngestErrors
// (the error class itself lives with the others in pipeline/errors.ts).
import { IngestError } from '../errors.js';
import type { IngestIssue } from '../types.js';

/**
 * A file that holds no record at all: 0 bytes, only whitespace, a header row alone, an empty JSON
 * list. Among other inputs it is left out with a warning (an export folder often holds one); alone,
 * or when every input is one, the run stops with it. `what` says which kind of empty it is.
 */
export class EmptyInputError extends IngestError {
  constructor(
    readonly file: string,
    readonly what: string,
    message = `${file} is empty`
  ) {
    super(message);
  }
}

/** `data/x.jsonl line 12: field "abstract": expected a non-empty string, got null`. */
export function formatIssue(issue: IngestIssue): string {
  // Fields in parentheses ("(line)", "(record)") are about the whole record, not one field.
  const field = issue.field.startsWith('(') ? '' : `field "${issue.field}": `;
  return `${issue.file} line ${issue.line}: ${field}${issue.reason}`;
}

/** An IngestError for a problem at one line of a file. */
export function errorAt(file: string, line: number, field: string, reason: string): IngestError {
  const issue = { file, line, field, reason };
  return new IngestError(formatIssue(issue), issue);
}

/** Throws errorAt(...). */
export function failAt(file: string, line: number, field: string, reason: string): never {
  throw errorAt(file, line, field, reason);
}

/** Describes a JSON value for "expected X, got Y" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (field missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty string' : value.trim() === '' ? 'only whitespace' : `"${clip(value)}"`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
