// The early microphone (offscreen/early-microphone.ts): what is opened when
// the call is asked for is what SIP.js gets, and nothing opened is left open.
import { describe, expect, it } from 'vitest';
import type { Web } from 'sip.js';
import { EarlyMicrophone } from '../../src/offscreen/early-microphone';
import { ClickDialError } from '../../src/shared/protocol';

class Track {
  stopped = false;
  stop(): void {
    this.stopped = true;
  }
}

class Stream {
  readonly tracks = [new Track()];
  getTracks(): Track[] {
    return this.tracks;
  }
}

function devices(fail?: Error): { opened: Stream[]; asked: MediaStreamConstraints[]; mic: EarlyMicrophone } {
  const opened: Stream[] = [];
  const asked: MediaStreamConstraints[] = [];
  const mic = new EarlyMicrophone((constraints) => {
    asked.push(constraints);
    if (fail && asked.length === 1) return Promise.reject(fail);
    const stream = new Stream();
    opened.push(stream);
    return Promise.resolve(stream as unknown as MediaStream);
  });
  return { opened, asked, mic };
}

const AUDIO: MediaStreamConstraints = { audio: true, video: false };
const handler = {} as Web.SessionDescriptionHandler;

describe('EarlyMicrophone', () => {
  it('gives SIP.js the stream opened when the call was asked for, opening nothing more', async () => {
    const { opened, asked, mic } = devices();
    mic.open(AUDIO);
    expect(asked).toHaveLength(1);
    const stream = await mic.mediaStreamFactory({ ...AUDIO }, handler);
    expect(stream).toBe(opened[0]);
    mic.release();
    expect(asked).toHaveLength(1);
    expect(opened[0]?.tracks[0]?.stopped).toBe(false);
  });

  it('stops what was opened when the call ends before SIP.js asks', async () => {
    const { opened, mic } = devices();
    mic.open(AUDIO);
    mic.release();
    await Promise.resolve();
    await Promise.resolve();
    expect(opened[0]?.tracks[0]?.stopped).toBe(true);
  });

  it('opens anew for other constraints, and stops the early one once released', async () => {
    const { opened, asked, mic } = devices();
    mic.open(AUDIO);
    const stream = await mic.mediaStreamFactory({ audio: true, video: true }, handler);
    expect(asked).toHaveLength(2);
    expect(stream).toBe(opened[1]);
    mic.release();
    await Promise.resolve();
    expect(opened[0]?.tracks[0]?.stopped).toBe(true);
    expect(opened[1]?.tracks[0]?.stopped).toBe(false);
  });

  it('a second call asked for stops the first one’s early stream', async () => {
    const { opened, mic } = devices();
    mic.open(AUDIO);
    mic.open(AUDIO);
    await Promise.resolve();
    await Promise.resolve();
    expect(opened[0]?.tracks[0]?.stopped).toBe(true);
    expect(await mic.mediaStreamFactory(AUDIO, handler)).toBe(opened[1]);
  });

  it('an early open that failed is SIP.js’s answer: the browser is not asked again', async () => {
    const { asked, mic } = devices(new Error('busy'));
    mic.open(AUDIO);
    await expect(mic.mediaStreamFactory(AUDIO, handler)).rejects.toThrow('busy');
    expect(asked).toHaveLength(1);
  });

  it('a microphone the browser cannot open is said in words; a video call keeps the browser’s error', async () => {
    const busy = Object.assign(new Error('Could not start audio source'), { name: 'NotReadableError' });
    const failing = new EarlyMicrophone(() => Promise.reject(busy));
    const error: unknown = await failing.mediaStreamFactory(AUDIO, handler).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClickDialError);
    expect((error as ClickDialError).words).toEqual({ key: 'microphone_unavailable' });
    expect((error as ClickDialError).code).toBe('no-microphone');
    expect(await failing.mediaStreamFactory({ audio: true, video: true }, handler).catch((e: unknown) => e)).toBe(busy);
  });

  it('nothing asked for is an empty stream, as with SIP.js’s own factory', async () => {
    const { asked, mic } = devices();
    class Empty {}
    const before = globalThis.MediaStream;
    Object.assign(globalThis, { MediaStream: Empty });
    const stream = await mic.mediaStreamFactory({ audio: false, video: false }, handler).finally(() => {
      Object.assign(globalThis, { MediaStream: before });
    });
    expect(stream).toBeInstanceOf(Empty);
    expect(asked).toHaveLength(0);
  });
});
