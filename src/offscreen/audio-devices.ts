// The microphone and speaker the user chose in the options. A chosen device
// that is unplugged falls back to the default, with a notice, instead of
// failing the call: getUserMedia with an exact deviceId that is gone throws.
//
//   chosen --unplugged (devicechange / call start)--> default + notice --plugged back--> chosen
import type { PhoneSettings } from '../shared/phone-settings';
import { onOutputFallback, setOutputDevice } from './remote-audio';
import { words, type Words } from '../shared/words';

type DeviceSettings = Pick<PhoneSettings, 'inputDeviceId' | 'inputDeviceLabel' | 'outputDeviceId' | 'outputDeviceLabel'>;

async function present(kind: MediaDeviceKind, deviceId: string): Promise<boolean> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.some((d) => d.kind === kind && d.deviceId === deviceId);
  } catch {
    return false;
  }
}

export class AudioDevices {
  private chosen: DeviceSettings = { inputDeviceId: '', inputDeviceLabel: '', outputDeviceId: '', outputDeviceLabel: '' };
  private outputMissing = false;

  constructor(private readonly notify: (said: Words) => void) {
    onOutputFallback(notify);
    navigator.mediaDevices?.addEventListener('devicechange', () => void this.recheckOutput());
  }

  apply(settings: DeviceSettings): void {
    const outputChanged = settings.outputDeviceId !== this.chosen.outputDeviceId;
    this.chosen = { ...settings };
    if (outputChanged) {
      this.outputMissing = false;
      void setOutputDevice(settings.outputDeviceId, settings.outputDeviceLabel);
    }
  }

  /** Audio constraints for the next call: the chosen microphone when it is there. */
  async microphoneConstraints(): Promise<MediaStreamConstraints> {
    const { inputDeviceId, inputDeviceLabel } = this.chosen;
    if (!inputDeviceId) return { audio: true, video: false };
    if (await present('audioinput', inputDeviceId)) return { audio: { deviceId: { exact: inputDeviceId } }, video: false };
    this.notify(
      inputDeviceLabel ? words('device_microphone_missing_named', { device: inputDeviceLabel }) : words('device_microphone_missing'),
    );
    return { audio: true, video: false };
  }

  private async recheckOutput(): Promise<void> {
    const { outputDeviceId, outputDeviceLabel } = this.chosen;
    if (!outputDeviceId) return;
    const there = await present('audiooutput', outputDeviceId);
    if (there === !this.outputMissing) return;
    this.outputMissing = !there;
    if (there) {
      await setOutputDevice(outputDeviceId, outputDeviceLabel);
    } else {
      await setOutputDevice('');
      this.notify(
        outputDeviceLabel ? words('device_speaker_unplugged_named', { device: outputDeviceLabel }) : words('device_speaker_unplugged'),
      );
    }
  }
}
