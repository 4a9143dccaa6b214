// Test helper: what a SvelteKit error() threw, as { status, message }, or null when nothing was thrown.
import { isHttpError } from '@sveltejs/kit';

export async function httpErrorOf(fn: () => unknown): Promise<{ status: number; message: string } | null> {
  try {
    await fn();
    return null;
  } catch (e) {
    if (isHttpError(e)) return { status: e.status, message: e.body.message };
    throw e;
  }
}
