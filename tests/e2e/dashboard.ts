// One test file's dashboard: its database, the built server on it and a Chromium, started before
// the file's tests and stopped after them; `open(path)` loads a page, hydrated, and expects 200.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { gotoHydrated, launchBrowser, newPage, startServer, type Server } from './harness.js';

export interface Dashboard {
  db: string;
  server: Server;
  browser: Browser;
}

export function useDashboard(makeDb: () => Promise<string>) {
  const app = {} as Dashboard;
  beforeAll(async () => {
    app.db = await makeDb();
    app.server = await startServer(app.db);
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  async function open(path: string): Promise<Page> {
    const page = await newPage(app.browser);
    const response = await gotoHydrated(page, app.server.url + path);
    expect(response?.status()).toBe(200);
    return page;
  }
  return { app, open };
}
