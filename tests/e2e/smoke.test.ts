import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { handMadeDb, launchBrowser, newPage, screenshot, startServer, type Server } from './harness.js';

describe('the built dashboard', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(handMadeDb());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the overview page in Chromium', async () => {
    const page = await newPage(browser);
    const response = await page.goto(server.url + '/');
    expect(response?.status()).toBe(200);
    expect(await page.textContent('body')).toContain('Themescope');
    await screenshot(page, 'smoke-overview');
  });
});
