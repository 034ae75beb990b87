// Plays the tone the phone's state calls for on one <audio id="ringtone">:
//
//   incoming call ringing, no call active   --> ring
//   incoming call ringing during a call     --> waiting (short beeps)
//   outgoing call ringing, no early media   --> ringback (the PBX's own
//                                               early media plays otherwise)
//   anything else                           --> silence
import { isWaiting, ringingCalls } from '../shared/call-selectors';
import type { PhoneSnapshot } from '../shared/snapshot';
import { followSpeaker } from './remote-audio';
import { toneWav, type Tone } from './tones';

export function toneFor(snapshot: PhoneSnapshot): Tone | undefined {
  const calls = snapshot.calls;
  const ringing = ringingCalls(calls);
  if (ringing.length > 0) return ringing.some((c) => isWaiting(c, calls)) ? 'waiting' : 'ring';
  if (calls.some((c) => c.direction === 'outgoing' && c.state === 'ringing' && !c.earlyMedia)) return 'ringback';
  return undefined;
}

export class Ringer {
  private readonly audio: HTMLAudioElement;
  private readonly urls = new Map<Tone, string>();
  private current: Tone | undefined;

  constructor(doc: Document = document) {
    this.audio = doc.createElement('audio');
    this.audio.id = 'ringtone';
    this.audio.loop = true;
    doc.body.append(this.audio);
    followSpeaker(this.audio);
  }

  update(snapshot: PhoneSnapshot): void {
    const tone = toneFor(snapshot);
    if (tone === this.current) return;
    this.current = tone;
    this.audio.pause();
    this.audio.dataset.tone = tone ?? '';
    if (!tone) {
      this.audio.removeAttribute('src');
      return;
    }
    this.audio.src = this.url(tone);
    this.audio.currentTime = 0;
    this.audio.play().catch(() => {
      // Autoplay refused or no output device: the notification and the popup
      // still show the call, so a silent ring is not a lost call.
    });
  }

  private url(tone: Tone): string {
    let url = this.urls.get(tone);
    if (!url) {
      url = URL.createObjectURL(toneWav(tone));
      this.urls.set(tone, url);
    }
    return url;
  }
}
