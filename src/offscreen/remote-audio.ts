// One <audio> element per call: a shared element would be cleared when any
// call ends, silencing the others. Every element, and any other that follows
// the speaker (the ringtone), plays on the speaker the user chose
// (setSinkId); a device that is gone falls back to the default, once, with a
// notice.
//
//   sink: default --setOutputDevice(id)--> id --setSinkId fails--> default (+ onFallback)
import { words, type Words } from '../shared/words';

const elements = new Map<string, HTMLAudioElement>();
/** Elements that are not calls but play on the same speaker (the ringtone). */
const followers = new Set<HTMLAudioElement>();
const everyElement = () => [...elements.values(), ...followers];
let sinkId = '';
let sinkLabel = '';
let onFallback: (said: Words) => void = () => undefined;

/** Where the phone hears about a speaker that could not be used. */
export function onOutputFallback(listener: (said: Words) => void): void {
  onFallback = listener;
}

async function applySink(audio: HTMLAudioElement): Promise<void> {
  const wanted = sinkId;
  if (audio.sinkId === wanted) return;
  try {
    await audio.setSinkId(wanted);
  } catch (error) {
    if (wanted === '' || sinkId !== wanted) return;
    // Unplugged (NotFoundError) or not allowed: play on the default instead.
    sinkId = '';
    await Promise.all(everyElement().map((a) => a.setSinkId('').catch(() => undefined)));
    const name = error instanceof Error ? error.name : 'error';
    onFallback(
      sinkLabel
        ? words('device_speaker_unavailable_named', { device: sinkLabel, error: name })
        : words('device_speaker_unavailable', { error: name }),
    );
  }
}

/** Sets the speaker for every call, present and future. '' is the system default. */
export async function setOutputDevice(deviceId: string, label = ''): Promise<void> {
  sinkId = deviceId;
  sinkLabel = label;
  await Promise.all(everyElement().map(applySink));
}

/** Makes an element other than a call's play on the chosen speaker too. */
export function followSpeaker(audio: HTMLAudioElement): void {
  followers.add(audio);
  void applySink(audio);
}

export function outputDevice(): string {
  return sinkId;
}

export function remoteAudioFor(callId: string): HTMLAudioElement {
  let audio = elements.get(callId);
  if (!audio) {
    audio = document.createElement('audio');
    audio.autoplay = true;
    audio.dataset.callId = callId;
    document.body.append(audio);
    elements.set(callId, audio);
    void applySink(audio);
  }
  return audio;
}

export function releaseRemoteAudio(callId: string): void {
  const audio = elements.get(callId);
  if (!audio) return;
  audio.srcObject = null;
  audio.remove();
  elements.delete(callId);
}
