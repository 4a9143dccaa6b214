import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../pipeline/ingest/dates.js';

const EXPECTED = 'expected a date like 2025-03-18, 2025-03, 2025 or "Mon, 2 Apr 2007 19:18:42 GMT"';

describe('parseDate keeps the precision a date was given with', () => {
  it('reads YYYY-MM-DD as a day', () => {
    expect(parseDate('2025-03-18')).toStrictEqual({ iso: '2025-03-18', precision: 'day' });
  });
  it('reads YYYY-MM as the first of the month with month precision', () => {
    expect(parseDate('2025-03')).toStrictEqual({ iso: '2025-03-01', precision: 'month' });
  });
  it('reads a year string as January 1st with year precision', () => {
    expect(parseDate('2025')).toStrictEqual({ iso: '2025-01-01', precision: 'year' });
  });
  it('reads a year number as January 1st with year precision', () => {
    expect(parseDate(2025)).toStrictEqual({ iso: '2025-01-01', precision: 'year' });
  });
  it('trims spaces around a date', () => {
    expect(parseDate(' 2025-03-18 ')).toStrictEqual({ iso: '2025-03-18', precision: 'day' });
  });
  it('reads an ISO datetime in UTC as its day', () => {
    expect(parseDate('2025-03-18T10:20:30.123Z')).toStrictEqual({ iso: '2025-03-18', precision: 'day' });
  });
  it('reads an ISO datetime with an offset as the UTC day it falls on', () => {
    expect(parseDate('2025-03-18T23:30:00-05:00')).toStrictEqual({ iso: '2025-03-19', precision: 'day' });
    expect(parseDate('2025-03-18T01:00+0200')).toStrictEqual({ iso: '2025-03-17', precision: 'day' });
  });
  it('reads an ISO datetime without zone (space-separated) as UTC', () => {
    expect(parseDate('2025-12-31 23:59')).toStrictEqual({ iso: '2025-12-31', precision: 'day' });
  });
  it('reads the RFC 2822 dates of arXiv versions as the UTC day', () => {
    expect(parseDate('Mon, 2 Apr 2007 19:18:42 GMT')).toStrictEqual({ iso: '2007-04-02', precision: 'day' });
    expect(parseDate('Mon, 2 Apr 2007 23:30:00 -0500')).toStrictEqual({ iso: '2007-04-03', precision: 'day' });
    expect(parseDate('Sat, 31 Dec 2005 20:00:00 PST')).toStrictEqual({ iso: '2006-01-01', precision: 'day' });
  });
  it('reads written-out dates with month names', () => {
    expect(parseDate('2 April 2007')).toStrictEqual({ iso: '2007-04-02', precision: 'day' });
    expect(parseDate('Sept. 2007')).toStrictEqual({ iso: '2007-09-01', precision: 'month' });
    expect(parseDate('Apr 2, 2007')).toStrictEqual({ iso: '2007-04-02', precision: 'day' });
  });
  it('accepts February 29th in a leap year and the range ends 1900 and 2100', () => {
    expect(parseDate('2024-02-29')).toStrictEqual({ iso: '2024-02-29', precision: 'day' });
    expect(parseDate(1900)).toStrictEqual({ iso: '1900-01-01', precision: 'year' });
    expect(parseDate('2100-12-31')).toStrictEqual({ iso: '2100-12-31', precision: 'day' });
  });
});

describe('parseDate rejects impossible dates with the reason', () => {
  it('rejects month 13 and day 40', () => {
    expect(parseDate('2025-13-40')).toStrictEqual({
      error: 'expected a real date in 1900..2100, got "2025-13-40" (there is no month 13)'
    });
  });
  it('rejects February 30th and February 29th outside leap years', () => {
    expect(parseDate('2025-02-30')).toStrictEqual({
      error: 'expected a real date in 1900..2100, got "2025-02-30" (2025-02 has 28 days)'
    });
    expect(parseDate('2025-02-29')).toStrictEqual({
      error: 'expected a real date in 1900..2100, got "2025-02-29" (2025-02 has 28 days)'
    });
  });
  it('rejects month 00 of a year-month', () => {
    expect(parseDate('2025-00')).toStrictEqual({
      error: 'expected a real date in 1900..2100, got "2025-00" (there is no month 0)'
    });
  });
  it('rejects year 0 as a number and as a date', () => {
    expect(parseDate(0)).toStrictEqual({
      error: 'expected a real date in 1900..2100, got number 0 (year 0 is out of range)'
    });
    expect(parseDate('0000-01-01')).toStrictEqual({
      error: 'expected a real date in 1900..2100, got "0000-01-01" (year 0 is out of range)'
    });
  });
  it('rejects years before 1900 and after 2100', () => {
    expect(parseDate('1899')).toStrictEqual({
      error: 'expected a real date in 1900..2100, got "1899" (year 1899 is out of range)'
    });
    expect(parseDate(2101)).toStrictEqual({
      error: 'expected a real date in 1900..2100, got number 2101 (year 2101 is out of range)'
    });
  });
  it('rejects a short year string as out of range', () => {
    expect(parseDate('25')).toStrictEqual({
      error: 'expected a real date in 1900..2100, got "25" (year 25 is out of range)'
    });
  });
  it('rejects a fractional year number', () => {
    expect(parseDate(2025.5)).toStrictEqual({ error: `${EXPECTED}, got number 2025.5` });
  });
  it('rejects text that is no date', () => {
    expect(parseDate('yesterday')).toStrictEqual({ error: `${EXPECTED}, got "yesterday"` });
    expect(parseDate('13 Smarch 2007')).toStrictEqual({ error: `${EXPECTED}, got "13 Smarch 2007"` });
  });
  it('rejects a time of day past 23:59', () => {
    expect(parseDate('2025-03-18T24:00:00Z')).toStrictEqual({
      error: 'expected a real time of day, got "2025-03-18T24:00:00Z"'
    });
  });
  it('rejects an unknown time zone name', () => {
    expect(parseDate('Mon, 2 Apr 2007 19:18:42 XYZ')).toStrictEqual({
      error: 'expected a time zone like GMT or +0100, got "Mon, 2 Apr 2007 19:18:42 XYZ"'
    });
  });
});
