// Lint, including the folder boundaries between execution contexts: each
// folder under src/ runs in its own context and may only import what that
// context can run (DEVELOPERS.md, "House style").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/**', 'dist-store/**', 'node_modules/**', '.profiles/**', 'bench-results/**', 'test/e2e/far-end/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'test/e2e/far-end/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      // no-cycle reads the imported files too: with which parser.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // An import cycle between modules is a design smell and breaks module start-up order.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/content', './src/background', 'content/ imports only shared/.'),
            zone('./src/content', './src/offscreen', 'content/ imports only shared/.'),
            zone('./src/content', './src/popup', 'content/ imports only shared/.'),
            zone('./src/content', './src/options', 'content/ imports only shared/.'),
            zone('./src/content', './src/call-window', 'content/ imports only shared/.'),
            zone('./src/popup', './src/background', 'popup/ never imports background/.'),
            zone('./src/popup', './src/offscreen', 'popup/ never imports offscreen/.'),
            zone('./src/options', './src/background', 'options/ never imports background/.'),
            zone('./src/options', './src/offscreen', 'options/ never imports offscreen/.'),
            zone(
              './src/setup',
              ['./src/background', './src/offscreen', './src/popup', './src/content', './src/confirm'],
              'setup/ imports only shared/ and the options parts it shows.',
            ),
            zone(
              './src/call-window',
              ['./src/background', './src/offscreen', './src/options', './src/content', './src/confirm', './src/setup'],
              'call-window/ imports only shared/ and the popup parts it shows.',
            ),
            zone(
              './src/confirm',
              ['./src/background', './src/offscreen', './src/popup', './src/options', './src/content'],
              'confirm/ imports only shared/.',
            ),
            zone(
              './src/shared',
              [
                './src/background',
                './src/offscreen',
                './src/popup',
                './src/options',
                './src/content',
                './src/confirm',
                './src/setup',
                './src/call-window',
              ],
              'shared/ imports no context.',
            ),
            zone(
              './src/background',
              ['./src/offscreen', './src/popup', './src/options', './src/content', './src/confirm', './src/setup', './src/call-window'],
              'background/ talks to other contexts only by messages.',
            ),
            zone(
              './src/offscreen',
              ['./src/background', './src/popup', './src/options', './src/content', './src/confirm', './src/setup', './src/call-window'],
              'offscreen/ talks to other contexts only by messages.',
            ),
            zone('./src', './test', 'Production code never imports tests.'),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Handlers and stores here are plain functions and arrow-bound objects, passed around by design.
      '@typescript-eslint/unbound-method': 'off',
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'describe', 'it', 'suite', 'before', 'after'], package: 'node:test' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='sync'][object.property.name='storage']",
          message: 'storage.sync would sync the SIP password.',
        },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never build markup with innerHTML.' },
      ],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'chrome', property: 'storage', message: 'Use browser.storage.local via webextension-polyfill; never storage.sync.' },
      ],
    },
  },
  {
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['preact', 'preact/*', 'sip.js', 'sip.js/*'], message: 'The content script ships no UI framework and no SIP stack.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/e2e/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', window: 'readonly', document: 'readonly' } },
  },
  {
    // Test doubles stand in for async APIs without awaiting anything; that is their job.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      // Matchers (expect.stringContaining) and page.evaluate results are typed any by their libraries.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (this file, scripts, the far-end page) has no types to check.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
