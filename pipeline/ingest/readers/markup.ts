// Owns the markup that Crossref-fed exports (CSL-JSON from Zotero, OpenAlex) carry in titles and
// abstracts: JATS and MathML elements (<jats:p>, <mml:mi>), the inline HTML of titles (<i>, <sub>)
// and HTML entities (&amp;). Only these named tags go, so "<think> tokens" or "p < 0.05" in a text
// stay as written; block elements leave a space so words on either side do not join.

// The tags removed: any jats:/mml: element, and HTML/JATS inline and block names.
const TAG = /<\/?(?:(?:jats|mml):[A-Za-z][\w.-]*|p|i|b|u|em|strong|sub|sup|sc|scp|span|div|br|a|title|italic|bold|sec|list|list-item|inline-formula|disp-formula)(?:\s[^<>]*)?\/?>/gi;
const BLOCK = /^<\/?(?:jats:)?(?:p|title|sec|br|div|list|list-item)\b/i;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;

/** `value` without those tags and with entities decoded (non-strings as they are, for normalise to judge). */
export function stripMarkup(value: unknown): unknown {
  if (typeof value !== 'string' || (!value.includes('<') && !value.includes('&'))) return value;
  return value
    // Crossref's abstracts open with a heading that is no part of the text.
    .replace(/^\s*<jats:title>\s*abstract\s*<\/jats:title>/i, '')
    .replace(TAG, (tag) => (BLOCK.test(tag) ? ' ' : ''))
    .replace(ENTITY, (_m, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED[name];
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .trim();
}
