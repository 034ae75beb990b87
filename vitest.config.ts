import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // chrome.i18n over the real catalogue: the pages' words come from it (src/shared/i18n.ts).
    setupFiles: ['test/support/chrome-i18n.ts'],
  },
});
