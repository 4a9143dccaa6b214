// Owns keyboard access to boxes that scroll sideways: a table wider than its box (narrow screens)
// scrolls inside it, so it must take focus to be scrolled with the arrow keys (WCAG 2.1.1) when
// nothing inside it can. Applied to every `table.data` after each navigation and resize.
export function markScrollableTables(root: ParentNode = document): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('table.data'))) {
    const scrolls = table.scrollWidth > table.clientWidth + 1;
    const focusableInside = table.querySelector('a[href], button, input, select, textarea, [tabindex]') !== null;
    if (scrolls && !focusableInside && !table.hasAttribute('tabindex')) {
      table.tabIndex = 0;
      table.dataset.scrollFocus = 'true';
    } else if (!scrolls && table.dataset.scrollFocus === 'true') {
      table.removeAttribute('tabindex');
      delete table.dataset.scrollFocus;
    }
  }
}
