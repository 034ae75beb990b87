// npm run package: builds ClickDial, then writes the zip to upload to the
// Chrome Web Store, dist-store/clickdial-chrome-<version>.zip (see
// store-package.ts for what goes in). Chromium is not started.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { storeZip } from './store-package';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const { zip, files } = storeZip('dist', version);
mkdirSync('dist-store', { recursive: true });
const out = `dist-store/clickdial-chrome-${version}.zip`;
writeFileSync(out, zip);
console.log(`${out}: ${files.length} files, ${(zip.length / 1024).toFixed(0)} KB`);
