// Call-progress tones synthesised as small WAV files, so they play through an
// ordinary <audio> element (which, unlike WebAudio, can pick the user's
// speaker with setSinkId) and loop without timers.

export type Tone = 'ring' | 'waiting' | 'ringback';

const RATE = 8000;

/** [frequencies in Hz (empty = silence), seconds] segments of one cycle. */
const CADENCES: Record<Tone, [number[], number][]> = {
  // A classic double ring: two warbling bursts, then a pause.
  ring: [
    [[1000, 1250], 0.4],
    [[], 0.2],
    [[1000, 1250], 0.4],
    [[], 2.0],
  ],
  // Call waiting: two short beeps every ten seconds, quiet enough to talk over.
  waiting: [
    [[440], 0.2],
    [[], 0.2],
    [[440], 0.2],
    [[], 9.4],
  ],
  // North American ringback: 440 + 480 Hz, 2 s on, 4 s off.
  ringback: [
    [[440, 480], 2.0],
    [[], 4.0],
  ],
};

function samples(tone: Tone): Int16Array {
  const segments = CADENCES[tone];
  const total = Math.round(segments.reduce((sum, [, secs]) => sum + secs, 0) * RATE);
  const out = new Int16Array(total);
  let offset = 0;
  for (const [freqs, secs] of segments) {
    const n = Math.round(secs * RATE);
    for (let i = 0; i < n && offset + i < total; i++) {
      let v = 0;
      for (const f of freqs) v += Math.sin((2 * Math.PI * f * i) / RATE);
      // Short fades avoid clicks at the edges of each burst.
      const fade = Math.min(1, i / 80, (n - i) / 80);
      out[offset + i] = freqs.length ? Math.round((v / freqs.length) * fade * 0.3 * 32767) : 0;
    }
    offset += n;
  }
  return out;
}

/** A 16-bit mono PCM WAV file of one cycle of the tone. */
export function toneWav(tone: Tone): Blob {
  const pcm = samples(tone);
  const header = new DataView(new ArrayBuffer(44));
  const text = (at: number, s: string) => [...s].forEach((c, i) => header.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  header.setUint32(4, 36 + pcm.byteLength, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true); // PCM
  header.setUint16(22, 1, true); // mono
  header.setUint32(24, RATE, true);
  header.setUint32(28, RATE * 2, true);
  header.setUint16(32, 2, true);
  header.setUint16(34, 16, true);
  text(36, 'data');
  header.setUint32(40, pcm.byteLength, true);
  return new Blob([header.buffer, pcm.buffer as ArrayBuffer], { type: 'audio/wav' });
}
