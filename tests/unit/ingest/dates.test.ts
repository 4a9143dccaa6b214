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
  it('reads an ISO datetime with an offset as the calendar day written in it, not its UTC day', () => {
    expect(parseDate('2026-03-01T01:30:00+09:00')).toStrictEqual({ iso: '2026-03-01', precision: 'day' });
    expect(parseDate('2026-02-28T23:00:00-05:00')).toStrictEqual({ iso: '2026-02-28', precision: 'day' });
    expect(parseDate('2025-03-18T23:30:00-05:00')).toStrictEqual({ iso: '2025-03-18', precision: 'day' });
    expect(parseDate('2025-03-18T01:00+0200')).toStrictEqual({ iso: '2025-03-18', precision: 'day' });
  });
  it('keeps the written day across a year end and a leap day, whichever side of UTC the offset is', () => {
    expect(parseDate('2026-01-01T00:15:00+14:00')).toStrictEqual({ iso: '2026-01-01', precision: 'day' });
    expect(parseDate('2025-12-31T23:45:00-12:00')).toStrictEqual({ iso: '2025-12-31', precision: 'day' });
    expect(parseDate('2024-02-29T22:00:00.5-03:30')).toStrictEqual({ iso: '2024-02-29', precision: 'day' });
  });
  it('reads an ISO datetime without zone (space-separated) as its written day', () => {
    expect(parseDate('2025-12-31 23:59')).toStrictEqual({ iso: '2025-12-31', precision: 'day' });
  });
  it('reads RFC 2822 dates (arXiv versions, in GMT) as the day written, whatever the zone', () => {
    expect(parseDate('Mon, 2 Apr 2007 19:18:42 GMT')).toStrictEqual({ iso: '2007-04-02', precision: 'day' });
    expect(parseDate('Mon, 2 Apr 2007 23:30:00 -0500')).toStrictEqual({ iso: '2007-04-02', precision: 'day' });
    expect(parseDate('Sat, 31 Dec 2005 20:00:00 PST')).toStrictEqual({ iso: '2005-12-31', precision: 'day' });
  });
  it('reads written-out dates with month names', () => {
    expect(parseDate('2 April 2007')).toStrictEqual({ iso: '2007-04-02', precision: 'day' });
    expect(parseDate('Sept. 2007')).toStrictEqual({ iso: '2007-09-01', precision: 'month' });
    expect(parseDate('Apr 2, 2007')).toStrictEqual({ iso: '2007-04-02', precision: 'day' });
  });
  it('accepts February 29th in a leap year, a history of science\'s 1687 and the range ends 1000 and 2100', () => {
    expect(parseDate('2024-02-29')).toStrictEqual({ iso: '2024-02-29', precision: 'day' });
    expect(parseDate(1000)).toStrictEqual({ iso: '1000-01-01', precision: 'year' });
    expect([parseDate('1687'), parseDate('1899-12-31')]).toStrictEqual([{ iso: '1687-01-01', precision: 'year' }, { iso: '1899-12-31', precision: 'day' }]);
    expect(parseDate('2100-12-31')).toStrictEqual({ iso: '2100-12-31', precision: 'day' });
  });
});

describe('parseDate rejects impossible dates with the reason', () => {
  it('rejects month 13 and day 40', () => {
    expect(parseDate('2025-13-40')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "2025-13-40" (there is no month 13)'
    });
  });
  it('rejects February 30th and February 29th outside leap years', () => {
    expect(parseDate('2025-02-30')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "2025-02-30" (2025-02 has 28 days)'
    });
    expect(parseDate('2025-02-29')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "2025-02-29" (2025-02 has 28 days)'
    });
  });
  it('rejects month 00 of a year-month', () => {
    expect(parseDate('2025-00')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "2025-00" (there is no month 0)'
    });
  });
  it('rejects year 0 as a number and as a date', () => {
    expect(parseDate(0)).toStrictEqual({
      error: 'expected a real date in 1000..2100, got number 0 (year 0 is out of range)'
    });
    expect(parseDate('0000-01-01')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "0000-01-01" (year 0 is out of range)'
    });
  });
  it('rejects years before 1000 and after 2100', () => {
    expect(parseDate('999')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "999" (year 999 is out of range)'
    });
    expect(parseDate(2101)).toStrictEqual({
      error: 'expected a real date in 1000..2100, got number 2101 (year 2101 is out of range)'
    });
  });
  it('rejects a short year string as out of range', () => {
    expect(parseDate('25')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "25" (year 25 is out of range)'
    });
  });
  it('rejects a fractional year number', () => {
    expect(parseDate(2025.5)).toStrictEqual({ error: `${EXPECTED}, got number 2025.5` });
  });
  it('rejects text that is no date', () => {
    expect(parseDate('yesterday')).toStrictEqual({ error: `${EXPECTED}, got "yesterday"`, unreadable: true });
    expect(parseDate('13 Smarch 2007')).toStrictEqual({ error: `${EXPECTED}, got "13 Smarch 2007"`, unreadable: true });
  });
  it('rejects a time of day past 23:59', () => {
    expect(parseDate('2025-03-18T24:00:00Z')).toStrictEqual({
      error: 'expected a real time of day, got "2025-03-18T24:00:00Z"'
    });
  });
  it('rejects an impossible day or time in a datetime with an offset, naming the value', () => {
    expect(parseDate('2026-02-29T01:30:00+09:00')).toStrictEqual({
      error: 'expected a real date in 1000..2100, got "2026-02-29T01:30:00+09:00" (2026-02 has 28 days)'
    });
    expect(parseDate('2026-03-01T25:30:00+09:00')).toStrictEqual({
      error: 'expected a real time of day, got "2026-03-01T25:30:00+09:00"'
    });
  });
  it('rejects an unknown time zone name', () => {
    expect(parseDate('Mon, 2 Apr 2007 19:18:42 XYZ')).toStrictEqual({
      error: 'expected a time zone like GMT or +0100, got "Mon, 2 Apr 2007 19:18:42 XYZ"'
    });
  });
});

describe('parseDate reads the further forms real exports write', () => {
  const day = (iso: string) => ({ iso, precision: 'day' });
  const month = (iso: string) => ({ iso, precision: 'month' });
  const year = (iso: string) => ({ iso, precision: 'year' });
  it.each([
    ['2024/03', month('2024-03-01')], ['2024.03', month('2024-03-01')], ['2024-3', month('2024-03-01')], ['03/2024', month('2024-03-01')],
    ['2024-3-5', day('2024-03-05')], ['2024/3/5', day('2024-03-05')], ['20240305', day('2024-03-05')],
    ['05.03.2024', day('2024-03-05')], ['5.3.2024', day('2024-03-05')], ['25/03/2024', day('2024-03-25')], ['03/25/2024', day('2024-03-25')],
    ['07/07/2024', day('2024-07-07')],
    ['Spring 2023', year('2023-01-01')], ['2023 Fall', year('2023-01-01')], ['Herbst 2021', year('2021-01-01')],
    ['Q1 2024', year('2024-01-01')], ['2024 Q3', year('2024-01-01')], ['2024-Q4', year('2024-01-01')],
    ['2022-2023', year('2022-01-01')], ['2022–23', year('2022-01-01')], ['2022/23', year('2022-01-01')],
    ['März 2024', month('2024-03-01')], ['Mai 2024', month('2024-05-01')], ['décembre 2023', month('2023-12-01')],
    ['5. März 2024', day('2024-03-05')], ['5 de marzo de 2024', day('2024-03-05')], ['March 5th, 2024', day('2024-03-05')],
    ['5th March 2024', day('2024-03-05')],
    // Excel's forms (found by the CLI review of 2026-12-02): a date with a time of day, d-Mon-yyyy.
    ['18.03.2025 14:30', day('2025-03-18')], ['18/03/2025 14:30:05', day('2025-03-18')], ['3/18/2025 2:30 PM', day('2025-03-18')],
    ['18-Mar-2025', day('2025-03-18')], ['5-März-2024', day('2024-03-05')],
    // Found by the inputs audit of 2026-12-05: PubMed's DP, a pandas float year, a bracketed year, BibTeX's disambiguated year.
    ['2024 Mar 12', day('2024-03-12')], ['2024 Dec', month('2024-12-01')], ['2024 Mar-Apr', month('2024-03-01')],
    ['2024.0', year('2024-01-01')], ['[2024]', year('2024-01-01')], ['2023a', year('2023-01-01')]
  ])('reads %s', (text, expected) => {
    expect(parseDate(text)).toStrictEqual(expected);
  });
  it.each(['n.d.', 'N.D.', 'nd', '(n.d.)', 'in press', 'In Press', '[in press]', 'forthcoming', 'Accepted', 'to appear', 's.d.', 'n/a', 'NA', '-', 'unknown'])(
    'reads "%s" as no date yet', (text) => {
      expect(parseDate(text)).toStrictEqual({ undated: true });
    });
  it('reads a 5-digit Excel day number only from a spreadsheet cell, in 1927..2100', () => {
    expect(parseDate('45356', { serial: true })).toStrictEqual(day('2024-03-05'));
    expect(parseDate('45356.75', { serial: true })).toStrictEqual(day('2024-03-05'));
    expect(parseDate('45356,75', { serial: true })).toStrictEqual(day('2024-03-05')); // a European Excel's decimal comma
    expect(parseDate('10000', { serial: true })).toStrictEqual(day('1927-05-18'));
    expect(parseDate('73415', { serial: true })).toStrictEqual(day('2100-12-31'));
    expect(parseDate('73416', { serial: true })).toStrictEqual({ error: `${EXPECTED}, got "73416"`, unreadable: true });
    expect(parseDate('45356')).toStrictEqual({ error: `${EXPECTED}, got "45356"`, unreadable: true });
    expect(parseDate(45356, { serial: true })).toStrictEqual({ error: 'expected a real date in 1000..2100, got number 45356 (year 45356 is out of range)' });
  });
  it('leaves a day and month that could be either way round unread, saying why', () => {
    expect(parseDate('05/03/2024')).toStrictEqual({
      error: 'expected a date whose order is clear, got "05/03/2024": day 5 of month 3 or day 3 of month 5; write it as 2024-MM-DD', unreadable: true
    });
  });
  it('keeps impossible dates of the further forms impossible, and odd numbers unreadable', () => {
    expect(parseDate('2024-2-30')).toStrictEqual({ error: 'expected a real date in 1000..2100, got "2024-2-30" (2024-02 has 29 days)' });
    expect(parseDate('31.02.2024')).toStrictEqual({ error: 'expected a real date in 1000..2100, got "31.02.2024" (2024-02 has 29 days)' });
    expect(parseDate('2025-13')).toStrictEqual({ error: 'expected a real date in 1000..2100, got "2025-13" (there is no month 13)' });
    expect(parseDate('20241340')).toStrictEqual({ error: `${EXPECTED}, got "20241340"`, unreadable: true });
    expect(parseDate('2022-2040')).toStrictEqual({ error: `${EXPECTED}, got "2022-2040"`, unreadable: true });
  });
});
