/** Small helpers shared by the browser tests; the server is the one global-setup.ts starts. */

function required(name: 'E2E_BASE_URL' | 'E2E_SETUP_LINK'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with \`npx playwright test\` (global-setup.ts sets it)`);
  return value;
}

/** An absolute address on the server under test: `appUrl('/meetings')`. */
export function appUrl(path: string): string {
  return new URL(path, required('E2E_BASE_URL')).toString();
}

/** The one-time link the server printed to create the first secretariat account. */
export function setupLink(): string {
  return required('E2E_SETUP_LINK');
}

/** A string as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
