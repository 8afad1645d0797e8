// Lint rules for the whole project: JavaScript and TypeScript recommendations, Svelte's own rules.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['dist/', 'data/', 'drizzle/', 'test-results/', 'playwright-report/', 'docs/screens/', 'test/fixtures/', 'node_modules/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // Maps and sets here are bookkeeping (what was announced, what is in flight), never read by a
      // template; state that views read is declared with $state, so Svelte's reactive copies are not needed.
      'svelte/prefer-svelte-reactivity': 'off',
      // {' '} keeps a space between inline elements that formatting would otherwise drop.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    // A variable assigned once, after the closures that read it are made, stays `let`.
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The browser takes the route map's paths only: the full map's schemas and access rules would
    // weigh on the participant's page (its types may still be imported with `import type`).
    files: ['client/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'shared/http/(routes|meeting-routes|open-routes|record-routes)\\.ts$',
              message: 'Import shared/http/route-paths.ts in the client.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
