// Applies the phone's state to the toolbar button: an icon tinted by state,
// a badge while ringing or in a call, and a title that says it in words.
import { TONE_COLORS, toolbarAppearance, type ToolbarTone } from './toolbar-state';
import type { PhoneSnapshot } from '../shared/snapshot';

const icons = new Map<ToolbarTone, Record<string, ImageData>>();

/** A round icon with a handset mark, drawn in the state's colour. */
function drawIcon(tone: ToolbarTone): Record<string, ImageData> {
  const cached = icons.get(tone);
  if (cached) return cached;
  const out: Record<string, ImageData> = {};
  for (const size of [16, 32]) {
    const canvas = new OffscreenCanvas(size, size);
    const g = canvas.getContext('2d');
    if (!g) continue;
    g.fillStyle = TONE_COLORS[tone];
    g.beginPath();
    g.arc(size / 2, size / 2, size * 0.47, 0, Math.PI * 2);
    g.fill();
    g.strokeStyle = '#fff';
    g.lineWidth = size * 0.13;
    g.lineCap = 'round';
    g.beginPath();
    g.arc(size / 2, size / 2, size * 0.26, Math.PI * 0.2, Math.PI * 0.8);
    g.stroke();
    out[String(size)] = g.getImageData(0, 0, size, size);
  }
  icons.set(tone, out);
  return out;
}

let last = '';

export async function showOnToolbar(snapshot: PhoneSnapshot): Promise<void> {
  const look = toolbarAppearance(snapshot);
  const key = JSON.stringify(look);
  if (key === last) return;
  last = key;
  await Promise.all([
    chrome.action.setIcon({ imageData: drawIcon(look.tone) }),
    chrome.action.setTitle({ title: look.title }),
    chrome.action.setBadgeText({ text: look.badgeText }),
    chrome.action.setBadgeBackgroundColor({ color: look.badgeColor }),
  ]);
}
