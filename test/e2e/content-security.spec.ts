/**
 * The app works under its own content security policy: no inline script in the page, and no
 * policy violation reported by Chromium while the pages load.
 */
import { expect, test } from '@playwright/test';
import { appUrl } from './support.ts';

test('pages load without inline script and without content-security-policy violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(appUrl('/signin'));
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  const html = (await response?.text()) ?? '';
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)];
  expect(inlineScripts).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  for (const path of ['/', '/join/not-a-real-link-token-0000000000', '/r/ABCDEF', '/meetings']) {
    await page.goto(appUrl(path));
    await expect(page.locator('main')).toBeVisible();
  }
  expect(violations).toEqual([]);
});
