// The messages of the errors a user can cause are printed on a terminal: no control character in them.
import { describe, expect, it } from 'vitest';
import { escapeControls, IngestError, UsageError } from '../../pipeline/errors.js';

describe('escapeControls and ThemescopeError messages', () => {
  it('writes control characters as \\xNN and keeps tab, line feed and every printable character', () => {
    expect(escapeControls('a\x00b\x07c\x1b[2Jd\re\x7f\x85 é—≠\tz\n')).toBe('a\\x00b\\x07c\\x1b[2Jd\\x0de\\x7f\\x85 é—≠\tz\n');
  });
  it('escapes them in every user-facing error message, such as a header quoted from a file', () => {
    expect(new IngestError('x.csv line 1: no title column; the header has "\x1b]0;pwned\x07"').message)
      .toBe('x.csv line 1: no title column; the header has "\\x1b]0;pwned\\x07"');
    expect(new UsageError('--k \x08').message).toBe('--k \\x08');
  });
});
