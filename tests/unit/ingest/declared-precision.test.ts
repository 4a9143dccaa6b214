// A record's declared date precision (date_precision, datePrecision, precision) and a `year` field:
// they make a date coarser, truncated to its period start, and never finer.
import { describe, expect, it } from 'vitest';
import { coarser, parsePrecision, truncateDate } from '../../../pipeline/ingest/dates.js';
import { normaliseRecord } from '../../../pipeline/ingest/normalise.js';

const base = { id: '2501.00001', title: 'A title', abstract: 'An abstract.' };

function dateOf(fields: Record<string, unknown>) {
  const paper = normaliseRecord({ ...base, ...fields }, 'in.jsonl');
  if ('reason' in paper) return paper;
  return { published: paper.published, precision: paper.datePrecision, declared: paper.datePrecisionDeclared ?? false };
}

describe('truncateDate, coarser and parsePrecision', () => {
  it('truncates a day to the first day of its month or year', () => {
    expect([truncateDate('1998-05-17', 'day'), truncateDate('1998-05-17', 'month'), truncateDate('1998-05-17', 'year')])
      .toStrictEqual(['1998-05-17', '1998-05-01', '1998-01-01']);
  });
  it('takes the coarser of two precisions', () => {
    expect([coarser('day', 'year'), coarser('year', 'month'), coarser('month', 'day'), coarser('day', 'day')])
      .toStrictEqual(['year', 'year', 'month', 'day']);
  });
  it('reads year, month and day in any case and spacing, and nothing else', () => {
    expect([' Year ', 'MONTH', 'day'].map(parsePrecision)).toStrictEqual(['year', 'month', 'day']);
    expect(['years', 'quarter', '', 2].map(parsePrecision)).toStrictEqual([null, null, null, null]);
  });
});

describe('normaliseRecord honours a declared precision', () => {
  it('makes a day declared "year" the first of January of its year', () => {
    expect(dateOf({ published: '1998-05-17', date_precision: 'year' })).toStrictEqual({ published: '1998-01-01', precision: 'year', declared: true });
  });
  it.each([
    ['date_precision', { date_precision: 'month' }],
    ['datePrecision', { datePrecision: 'month' }],
    ['precision', { precision: 'Month' }],
    ['Date Precision (a CSV header)', { 'Date Precision': 'month' }]
  ])('reads it from %s', (_name, fields) => {
    expect(dateOf({ published: '1998-05-17', ...fields })).toStrictEqual({ published: '1998-05-01', precision: 'month', declared: true });
  });
  it('keeps a day declared "day" a day, marked declared so that detection leaves it be', () => {
    expect(dateOf({ published: '1998-01-01', date_precision: 'day' })).toStrictEqual({ published: '1998-01-01', precision: 'day', declared: true });
  });
  it('never makes a date finer than it is written: a bare year declared "day" stays a year', () => {
    expect(dateOf({ published: '1998', date_precision: 'day' })).toStrictEqual({ published: '1998-01-01', precision: 'year', declared: true });
  });
  it('reads a date from a year field as a year, however it is written', () => {
    expect(dateOf({ year: '1998-01-01' })).toStrictEqual({ published: '1998-01-01', precision: 'year', declared: true });
    expect(dateOf({ year: '1998-06-30' })).toStrictEqual({ published: '1998-01-01', precision: 'year', declared: true });
  });
  it('takes a finer date field over a year field beside it', () => {
    expect(dateOf({ year: 1998, published: '1998-06-30' })).toStrictEqual({ published: '1998-06-30', precision: 'day', declared: false });
  });
  it('leaves a record without a date undated, whatever it declares', () => {
    expect(dateOf({ date_precision: 'year' })).toStrictEqual({ published: null, precision: null, declared: false });
  });
  it('skips a record whose declared precision is not year, month or day, naming the field', () => {
    expect(dateOf({ published: '1998-05-17', date_precision: 'annual' })).toStrictEqual({
      field: 'date_precision', reason: 'expected year, month or day, got "annual"'
    });
    expect(dateOf({ published: '1998-05-17', precision: 0.5 })).toStrictEqual({
      field: 'date_precision', reason: 'expected year, month or day, got number 0.5'
    });
  });
});
