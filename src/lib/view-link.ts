// Owns links that change only the view of the page they are on (an area of the Overview's chart, the
// papers' filters cleared): SvelteKit would move focus to <body> and scroll to the top, as for a new
// page. Such a link navigates in place instead, and focus stays on it when it is still there after the
// change, else goes to a named element of the new view (a heading with tabindex -1, a field).
import { goto } from '$app/navigation';

/** True for a plain left click (no modifier opening a tab or window), which the page handles itself. */
export function plainClick(event: MouseEvent): boolean {
  return !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Goes to `href` keeping the scroll position and the focus; when the focused element is gone after the
 * change (or nothing was focused), focuses the element `focusId` without scrolling.
 */
export async function gotoInView(href: string, focusId: string): Promise<void> {
  const before = document.activeElement;
  await goto(href, { keepFocus: true, noScroll: true });
  const kept = before !== null && before !== document.body && before.isConnected && document.activeElement === before;
  if (!kept) document.getElementById(focusId)?.focus({ preventScroll: true });
}

/**
 * An action for such a link: a plain click goes to its href in view (gotoInView), focus falling back to
 * `focusId`; other clicks (a new tab) are left to the browser, and without a focusId the link is a plain
 * one. The listener is on the link itself, so it runs before SvelteKit's router (on the app's root), which
 * would otherwise take the click as an ordinary navigation.
 */
export function viewLink(node: HTMLAnchorElement | SVGAElement, focusId: string | undefined) {
  let target = focusId;
  const onClick = (event: Event) => {
    if (target === undefined || !plainClick(event as MouseEvent)) return;
    const href = node instanceof SVGAElement ? node.href.baseVal : node.getAttribute('href');
    if (href === null) return;
    event.preventDefault();
    void gotoInView(href, target);
  };
  node.addEventListener('click', onClick);
  return {
    update(next: string | undefined) {
      target = next;
    },
    destroy() {
      node.removeEventListener('click', onClick);
    }
  };
}
