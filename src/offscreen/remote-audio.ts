// One <audio> element per call: a shared element would be cleared when any
// call ends, silencing the others.

const elements = new Map<string, HTMLAudioElement>();

export function remoteAudioFor(callId: string): HTMLAudioElement {
  let audio = elements.get(callId);
  if (!audio) {
    audio = document.createElement('audio');
    audio.autoplay = true;
    audio.dataset.callId = callId;
    document.body.append(audio);
    elements.set(callId, audio);
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
