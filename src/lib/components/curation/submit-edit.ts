// Owns how an edit form is sent once the page has hydrated: in place (SvelteKit's enhance), so the page
// keeps its scroll, the typed token and the open panel, and the confirmation region already in it
// announces the edit (EditDone.svelte). Without JavaScript the same forms post and redirect as before.
import type { SubmitFunction } from '@sveltejs/kit';
import { goto } from '$app/navigation';

export const submitEdit: SubmitFunction = ({ formElement, submitter }) => {
  // Until the page shows the edit (several seconds on a busy server, the curated views being rebuilt), the
  // pressed button says it is saving and takes no second press; the form is marked busy for screen readers
  // (weekly-use audit of 2026-12-05: nothing showed that the edit was on its way).
  const button = submitter instanceof HTMLButtonElement ? submitter : null;
  button?.setAttribute('data-busy', '');
  if (button) button.disabled = true;
  formElement.setAttribute('aria-busy', 'true');
  return async ({ result, update }) => {
    try {
      // The action answers with a redirect to the page to show (this one, or the merged theme's): load it
      // where the user is, focus left to EditDone, which moves it to the confirmation.
      if (result.type === 'redirect') await goto(result.location, { invalidateAll: true, noScroll: true, keepFocus: true });
      else await update({ reset: false });
    } finally {
      button?.removeAttribute('data-busy');
      if (button) button.disabled = false;
      formElement.removeAttribute('aria-busy');
    }
  };
};
