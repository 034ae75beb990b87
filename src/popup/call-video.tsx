// A video call's pictures and camera buttons, for every surface that shows a
// call card. The streams stay in the phone document (shared/call-streams.ts):
// this only attaches them to <video> elements, muted, as the call's sound
// already plays there. Its sheet, call-video.css, is linked by the page.
import { useEffect, useRef } from 'preact/hooks';
import { findCallStreams } from '../shared/call-streams';
import { remoteName } from '../shared/describe-state';
import type { PhoneActions } from '../shared/phone-actions';
import type { CallSnapshot } from '../shared/snapshot';
import { t } from '../shared/i18n';

/** Attaches the call's stream to the element whenever the call's video changes (a new camera, an answer). */
function useStream(ref: { current: HTMLVideoElement | null }, call: CallSnapshot, which: 'local' | 'remote'): void {
  const { id, state, video } = call;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const stream = findCallStreams(id)?.[which];
    if (stream && element.srcObject !== stream) element.srcObject = stream;
  }, [ref, id, state, which, video?.camera, video?.remote]);
}

export function CallVideo({ call }: { call: CallSnapshot }) {
  const remote = useRef<HTMLVideoElement>(null);
  const local = useRef<HTMLVideoElement>(null);
  useStream(remote, call, 'remote');
  useStream(local, call, 'local');
  const video = call.video;
  if (!video || call.state === 'ended') return null;
  const ringingIn = call.direction === 'incoming' && call.state === 'ringing';
  if (ringingIn) return <p class="call-note video-badge">{t('video_badge')}</p>;
  const name = remoteName(call);
  return (
    <div class="call-video">
      {video.remote && call.state === 'active' ? (
        <video ref={remote} class="remote-video" autoPlay muted playsInline aria-label={t('video_remote_label', { name })} />
      ) : (
        call.state === 'active' && <p class="call-note">{t('video_remote_off_note', { name })}</p>
      )}
      {video.camera ? (
        <video ref={local} class="local-video" autoPlay muted playsInline aria-label={t('video_local_label')} />
      ) : (
        <p class="call-note">{t('video_camera_off_note')}</p>
      )}
    </div>
  );
}

interface ButtonProps {
  call: CallSnapshot;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}

/** The next camera of the machine, for a call that sends one (the camera toggle is the card's). */
export function SwitchCamera({ call, actions, run }: ButtonProps) {
  return (
    <button type="button" class="toggle" onClick={() => void run(() => actions.setCamera(call.id, 'next'))}>
      <span class="toggle-label">{t('video_switch_camera')}</span>
    </button>
  );
}
