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

/**
 * Chunks of the visible pages. Split by default, the popup loaded 15 files
 * before its first line ran, and each costs the page a few milliseconds to
 * open (issue 12: its first paint within 100 ms). So what the pages share
 * goes in a few chunks: Preact and the shared UI; the rest of the shared
 * code and libraries; libphonenumber-js's full metadata (the worker and the
 * confirmation page only); and what of it the phone document uses, which
 * loads no more than that (the worker starts it for a call).
 */
function sharedChunks(): { plugin: Plugin; groups: { name: string; test: (id: string) => boolean }[] } {
  const phoneModules = new Set<string>();
  const phone = (id: string) => phoneModules.has(id);
  return {
    plugin: {
      name: 'clickdial-phone-modules',
      apply: 'build',
      buildEnd() {
        const entry = [...this.getModuleIds()].find((id) => id.endsWith('/src/offscreen/offscreen.html'));
        const todo = entry ? [entry] : [];
        for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
          if (phoneModules.has(id)) continue;
          phoneModules.add(id);
          const info = this.getModuleInfo(id);
          if (info) todo.push(...info.importedIds, ...info.dynamicallyImportedIds);
        }
      },
    },
    groups: [
      {
        name: 'ui',
        test: (id) =>
          !phone(id) && (/\/node_modules\/(preact|@preact)\//.test(id) || /\/src\/shared\/(use-[^/]*\.ts|[^/]*\.tsx)$/.test(id)),
      },
      {
        name: 'numbers-max',
        test: (id) =>
          !phone(id) && (id.endsWith('/src/shared/number-facts.ts') || /\/node_modules\/libphonenumber-js\/(max|metadata\.max)/.test(id)),
      },
      // What the phone shares with the pages (its libraries but SIP.js, the shared code it uses): one chunk.
      { name: 'phone-shared', test: (id) => phone(id) && !id.includes('/src/offscreen/') && !id.includes('/node_modules/sip.js/') },
      { name: 'common', test: (id) => !phone(id) && (id.includes('/node_modules/') || /\/src\/shared\/[^/]*\.ts$/.test(id)) },
    ],
  };
}
const chunks = sharedChunks();

// Pages that the manifest does not name (the offscreen phone, the microphone
// onboarding tab, the call confirmation window, the first-run setup and the call window) must be listed as inputs, or crxjs leaves them out of dist/.
export default defineConfig({
  // One version, package.json's: the manifest in dist/ (and the store zip) carries it.
  plugins: [preact(), crx({ manifest: { ...manifest, version: pkg.version } }), pageScripts(), chunks.plugin],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Needed with includeDependenciesRecursively off; the pages' entries export nothing anyway.
      preserveEntrySignatures: 'allow-extension',
      input: {
        offscreen: 'src/offscreen/offscreen.html',
        microphone: 'src/options/microphone.html',
        confirm: 'src/confirm/confirm.html',
        setup: 'src/setup/setup.html',
        'call-window': 'src/call-window/call-window.html',
      },
      output: {
        // Each module in its group only: a group that took its modules' dependencies along would pull the phone's in.
        codeSplitting: { includeDependenciesRecursively: false, groups: chunks.groups },
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
