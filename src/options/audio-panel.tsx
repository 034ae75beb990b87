// Microphone and speaker choice, with a level meter and a speaker test. The
// device ids are this extension origin's, the same the phone document sees.
import { useEffect, useRef, useState } from 'preact/hooks';
import { usePhoneSettings } from './use-phone-settings';
import { t } from '../shared/i18n';

interface Devices {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
}

function useDevices(): Devices {
  const [devices, setDevices] = useState<Devices>({ inputs: [], outputs: [] });
  useEffect(() => {
    const load = (): void =>
      void navigator.mediaDevices
        .enumerateDevices()
        .then((all) =>
          setDevices({ inputs: all.filter((d) => d.kind === 'audioinput'), outputs: all.filter((d) => d.kind === 'audiooutput') }),
        )
        .catch(() => undefined);
    load();
    navigator.mediaDevices.addEventListener('devicechange', load);
    return () => navigator.mediaDevices.removeEventListener('devicechange', load);
  }, []);
  return devices;
}

/** The live input level (0..1) of a microphone while `on`. */
function useMicrophoneLevel(on: boolean, deviceId: string): { level: number; error: string | undefined } {
  const [level, setLevel] = useState(0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!on) return undefined;
    let stopped = false;
    let frame = 0;
    let stream: MediaStream | undefined;
    const context = new AudioContext();
    setError(undefined);
    navigator.mediaDevices
      .getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true })
      .catch(() => navigator.mediaDevices.getUserMedia({ audio: true }))
      .then((s) => {
        stream = s;
        if (stopped) return;
        const analyser = context.createAnalyser();
        analyser.fftSize = 1024;
        context.createMediaStreamSource(s).connect(analyser);
        const samples = new Float32Array(analyser.fftSize);
        const tick = () => {
          analyser.getFloatTimeDomainData(samples);
          let sum = 0;
          for (const v of samples) sum += v * v;
          setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch((e: unknown) => setError(t('options_audio_microphone_failed', { error: e instanceof Error ? e.message : String(e) })));
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((t) => t.stop());
      void context.close();
      setLevel(0);
    };
  }, [on, deviceId]);
  return { level, error };
}

/** One second of a 440 Hz tone on the chosen speaker. */
async function playTestTone(sinkId: string, audio: HTMLAudioElement): Promise<void> {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  gain.gain.value = 0.2;
  oscillator.connect(gain).connect(destination);
  audio.srcObject = destination.stream;
  await audio.setSinkId(sinkId);
  oscillator.start();
  await audio.play();
  await new Promise((r) => setTimeout(r, 1000));
  oscillator.stop();
  audio.srcObject = null;
  await context.close();
}

export function AudioPanel() {
  const { settings, save, status } = usePhoneSettings();
  const { inputs, outputs } = useDevices();
  const [testing, setTesting] = useState(false);
  const [speaker, setSpeaker] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const audio = useRef<HTMLAudioElement>(null);
  const { level, error } = useMicrophoneLevel(testing, settings?.inputDeviceId ?? '');
  if (!settings) return null;
  const noLabels = inputs.length > 0 && inputs.every((d) => !d.label);
  const missing = (id: string, list: MediaDeviceInfo[]) => id !== '' && list.length > 0 && !list.some((d) => d.deviceId === id);
  const micMissing = missing(settings.inputDeviceId, inputs);
  const speakerMissing = missing(settings.outputDeviceId, outputs);
  // A device without a name (no microphone permission yet) is "Microphone 2"; `what` names the kind alone.
  const options = (list: MediaDeviceInfo[], chosen: string, label: string, what: string, unnamed: (n: number) => string) => [
    <option key="" value="">
      {t('options_audio_system_default')}
    </option>,
    ...list
      .filter((d) => d.deviceId !== 'default' && d.deviceId !== '')
      .map((d, i) => (
        <option key={d.deviceId} value={d.deviceId}>
          {d.label || unnamed(i + 1)}
        </option>
      )),
    ...(missing(chosen, list)
      ? [
          <option key={chosen} value={chosen}>
            {t('options_audio_device_not_connected', { device: label || what })}
          </option>,
        ]
      : []),
  ];
  const pick = (list: MediaDeviceInfo[], id: string) => list.find((d) => d.deviceId === id)?.label ?? '';
  const testSpeaker = async () => {
    if (!audio.current) return;
    const sink = speakerMissing ? '' : settings.outputDeviceId;
    try {
      await playTestTone(sink, audio.current);
      const name = pick(outputs, sink);
      setSpeaker({
        kind: 'ok',
        text: !sink
          ? t('options_audio_tone_default_speaker')
          : name
            ? t('options_audio_tone_named_speaker', { speaker: name })
            : t('options_audio_tone_chosen_speaker'),
      });
    } catch (e) {
      setSpeaker({ kind: 'error', text: t('options_audio_tone_failed', { error: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <section class="panel audio" aria-labelledby="audio-heading">
      <h2 id="audio-heading">{t('options_audio_heading')}</h2>
      {noLabels && <p class="hint">{t('options_audio_no_names')}</p>}
      <label class="field">
        <span>{t('options_audio_microphone')}</span>
        <select
          name="inputDevice"
          value={settings.inputDeviceId}
          onChange={(e) => {
            const id = e.currentTarget.value;
            void save({ inputDeviceId: id, inputDeviceLabel: pick(inputs, id) });
          }}
        >
          {options(inputs, settings.inputDeviceId, settings.inputDeviceLabel, t('options_audio_microphone'), (number) =>
            t('options_audio_microphone_numbered', { number }),
          )}
        </select>
      </label>
      {micMissing && (
        <p class="error" role="alert">
          {settings.inputDeviceLabel
            ? t('options_audio_microphone_missing', { device: settings.inputDeviceLabel })
            : t('options_audio_chosen_microphone_missing')}
        </p>
      )}
      <div class="row">
        <button type="button" aria-pressed={testing} onClick={() => setTesting(!testing)}>
          {t(testing ? 'options_audio_stop_microphone_test' : 'options_audio_test_microphone')}
        </button>
        <meter aria-label={t('options_audio_microphone_level')} min={0} max={1} value={level} />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <label class="field">
        <span>{t('options_audio_speaker')}</span>
        <select
          name="outputDevice"
          value={settings.outputDeviceId}
          onChange={(e) => {
            const id = e.currentTarget.value;
            void save({ outputDeviceId: id, outputDeviceLabel: pick(outputs, id) });
          }}
        >
          {options(outputs, settings.outputDeviceId, settings.outputDeviceLabel, t('options_audio_speaker'), (number) =>
            t('options_audio_speaker_numbered', { number }),
          )}
        </select>
      </label>
      {speakerMissing && (
        <p class="error" role="alert">
          {settings.outputDeviceLabel
            ? t('options_audio_speaker_missing', { device: settings.outputDeviceLabel })
            : t('options_audio_chosen_speaker_missing')}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={() => void testSpeaker()}>
          {t('options_audio_play_test_sound')}
        </button>
        <audio ref={audio} />
      </div>
      {speaker && (
        <p class={speaker.kind} role="status" data-testid="speaker-test">
          {speaker.text}
        </p>
      )}
      {status && (
        <p class={status.kind} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="audio-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
