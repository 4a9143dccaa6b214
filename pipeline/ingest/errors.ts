// Owns how ingest reports trouble: the fatal IngestError (the CLI maps it to exit code 2) and the
// one-line wording shared by skipped records and fatal errors.
import type { IngestIssue } from '../types.js';

/** A fatal input problem; the message is one line naming the file, line and field where known. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly issue?: IngestIssue
  ) {
    super(message);
    this.name = 'IngestError';
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
