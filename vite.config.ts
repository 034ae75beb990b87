import { build, defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * The scripts that run inside web pages, each built as one self-contained
 * classic script in dist/content/: the page script (registered by the
 * service worker) and the validator it has injected when a page has
 * candidate digits. Neither is web-accessible, so pages cannot fetch them
 * to detect ClickDial (crxjs's manifest content scripts would need that).
 */
function pageScripts(): Plugin {
  const entries = { 'content-script': 'src/content/content-script.ts', validator: 'src/content/validator-entry.ts' };
  return {
    name: 'clickdial-page-scripts',
    apply: 'build',
    async closeBundle() {
      for (const [name, entry] of Object.entries(entries)) {
        await build({
          configFile: false,
          logLevel: 'warn',
          publicDir: false,
          define: { 'process.env.NODE_ENV': '"production"' },
          build: {
            outDir: 'dist/content',
            emptyOutDir: false,
            lib: { entry, formats: ['iife'], name: `clickdial_${name.replace('-', '_')}`, fileName: () => `${name}.js` },
          },
        });
      }
    },
  };
}

// Pages that the manifest does not name (the offscreen phone, the microphone
// onboarding tab, the call confirmation window and the first-run setup) must be listed as inputs, or crxjs leaves them out of dist/.
export default defineConfig({
  // One version, package.json's: the manifest in dist/ (and the store zip) carries it.
  plugins: [preact(), crx({ manifest: { ...manifest, version: pkg.version } }), pageScripts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        offscreen: 'src/offscreen/offscreen.html',
        microphone: 'src/options/microphone.html',
        confirm: 'src/confirm/confirm.html',
        setup: 'src/setup/setup.html',
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
