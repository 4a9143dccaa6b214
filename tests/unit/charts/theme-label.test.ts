// How a theme is named: "Mixture: …" for a theme marked as a mixture, by the same rule in TypeScript
// and in SQL, and the figures behind the mark written as the rest of the dashboard writes them.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { mixtureNote, shownLabel, shownLabelSql } from '../../../src/lib/theme-label.js';

describe('shownLabel and shownLabelSql', () => {
  it('prefix a mixture with "Mixture: " and leave other themes, and runs before the mark, as labelled', async () => {
    const themes = [{ label: 'linear codes', mixture: true }, { label: 'antenna', mixture: false }, { label: 'mesh', mixture: null }];
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        `SELECT ${shownLabelSql('t')} AS label FROM (VALUES ('linear codes', true), ('antenna', false), ('mesh', NULL)) AS t(label, mixture)`);
      const inSql = reader.getRowObjects().map((r) => r.label);
      expect(themes.map(shownLabel)).toStrictEqual(['Mixture: linear codes', 'antenna', 'mesh']);
      expect(inSql).toStrictEqual(themes.map(shownLabel));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('mixtureNote', () => {
  it('writes a negative keyword coherence with the minus sign U+2212', () => {
    const note = mixtureNote({ label: 'x', mixture: true, cohesion: 0.16, coherence: -0.18 });
    expect(note).toContain('(cohesion 0.16)');
    expect(note).toContain('(keyword coherence \u22120.18)');
  });
});
