import { build, defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * The script that runs inside web pages, built as one self-contained classic
 * script in dist/content/ and registered by the service worker. It is not
 * web-accessible, so pages cannot fetch it to detect ClickDial (crxjs's
 * manifest content scripts would need that). Stage 2 of detection runs in
 * the service worker (content.findNumbers), so nothing else loads in pages.
 */
function pageScripts(): Plugin {
  const entries = { 'content-script': 'src/content/content-script.ts' };
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
// onboarding tab, the call confirmation window, the first-run setup and the call window) must be listed as inputs, or crxjs leaves them out of dist/.
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
        'call-window': 'src/call-window/call-window.html',
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
