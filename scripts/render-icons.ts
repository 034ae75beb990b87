// Renders icons/handset.svg to the PNGs ClickDial ships (public/icons/): the
// extension icons at 16, 32, 48 and 128 px (128 with the 16 px margin Chrome
// asks for; the small ones cropped to the disc so they stay legible), and the
// toolbar's state icons at 16 and 32 px, the disc in each state's colour
// (toolbar-state.ts). Chromium draws them: `node --import tsx scripts/render-icons.ts`,
// under flock /tmp/clickdial-browser.lock on shared machines. The PNGs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { TONE_COLORS, TONE_ICONS } from '../src/background/toolbar-state';

const svg = readFileSync('icons/handset.svg', 'utf8');

/** The artwork with the disc in `color`, cropped to the disc or not. */
function variant(color: string, cropped: boolean): string {
  const recoloured = svg.replace(/(<circle id="disc"[^>]*fill=")[^"]*"/, `$1${color}"`);
  return cropped ? recoloured.replace('viewBox="0 0 128 128"', 'viewBox="15 15 98 98"') : recoloured;
}

const jobs: { file: string; svg: string; size: number }[] = [
  ...[16, 32, 48].map((size) => ({ file: `public/icons/icon-${size}.png`, svg: variant(TONE_COLORS.registered, true), size })),
  { file: 'public/icons/icon-128.png', svg: variant(TONE_COLORS.registered, false), size: 128 },
];
const seen = new Set<string>();
for (const [tone, name] of Object.entries(TONE_ICONS)) {
  if (seen.has(name)) continue;
  seen.add(name);
  for (const size of [16, 32]) {
    jobs.push({ file: `public/icons/state/${name}-${size}.png`, svg: variant(TONE_COLORS[tone as keyof typeof TONE_COLORS], true), size });
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  mkdirSync('public/icons/state', { recursive: true });
  for (const job of jobs) {
    const png = await page.evaluate(async ({ svg: text, size }) => {
      const image = new Image(size, size);
      image.src = `data:image/svg+xml;base64,${btoa(text)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      canvas.getContext('2d')?.drawImage(image, 0, 0, size, size);
      return canvas.toDataURL('image/png').split(',')[1] ?? '';
    }, job);
    writeFileSync(job.file, Buffer.from(png, 'base64'));
    console.log(job.file);
  }
} finally {
  await browser.close();
}
