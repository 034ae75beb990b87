import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };

// Pages that the manifest does not name (the offscreen phone and the microphone
// onboarding tab) must be listed as inputs, or crxjs leaves them out of dist/.
export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No <link rel=modulepreload> for the content script's lazy chunk: it
    // would be written into the web page's DOM, with a URL of the page's origin.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostId }) => (/src[-/]content[-/]/.test(hostId) ? [] : deps) },
    rollupOptions: {
      input: {
        offscreen: 'src/offscreen/offscreen.html',
        microphone: 'src/options/microphone.html',
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
