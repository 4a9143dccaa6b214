// Owns putting a form's controls back in line with the page's state after a navigation. The URL is
// the one source of a page's filters: after Back or Forward the data follows the URL, but a control
// the user changed keeps what the browser shows unless it is set again (a select's chosen option, a
// radio, a box ticked but not submitted). Hidden inputs are left alone.
export type FormValues = Record<string, string | string[] | number | null>;

/** Sets every named control of `form` from `values` (absent → empty / unchecked). */
export function syncForm(form: HTMLFormElement, values: FormValues): void {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (!element.name || element.type === 'hidden' || element.type === 'submit') continue;
    const value = values[element.name];
    const list = Array.isArray(value) ? value.map(String) : value === null || value === undefined ? [] : [String(value)];
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = list.includes(element.value);
    } else if (element !== document.activeElement || element instanceof HTMLSelectElement) {
      // A text field being typed in keeps its text (a search submitted with keepFocus).
      element.value = list[0] ?? '';
    }
  }
}
