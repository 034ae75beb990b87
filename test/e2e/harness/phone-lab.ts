// The world every ClickDial end-to-end test starts from: Kamailio on
// loopback, the far-end page server, one Chromium with the built extension,
// and a far-end phone (1002) registered in a tab of that browser.
import { extensionIdOf, launchBrowser, type LaunchOptions, type LaunchedExtensionBrowser } from './browser.js';
import { fillAccountForm, openOptions, waitForRegistration } from './clickdial.js';
import { openFarEnd, type FarEnd } from './far-end.js';
import { startFarEndServer, type FarEndServer } from './far-end-server.js';
import { startKamailio, type KamailioServer } from './kamailio.js';
import { USERS, aorOf } from './users.js';

export interface PhoneLab {
  kamailio: KamailioServer;
  server: FarEndServer;
  browser: LaunchedExtensionBrowser;
  farEnd: FarEnd;
  stop(): Promise<void>;
}

export interface PhoneLabOptions extends Pick<LaunchOptions, 'headless'> {
  /** As a user who accepted the one-time microphone question earlier. Default true. */
  microphoneGranted?: boolean;
}

export async function startPhoneLab({ microphoneGranted = true, headless = true }: PhoneLabOptions = {}): Promise<PhoneLab> {
  const [kamailio, server] = await Promise.all([startKamailio(), startFarEndServer()]);
  const browser = await launchBrowser({
    headless,
    // No fake permission UI: the extension has the microphone only if granted here.
    micUi: 'none',
    ...(microphoneGranted ? { grantMicrophoneTo: extensionIdOf('dist') } : {}),
  });
  // The far-end page is an ordinary web origin: grant it its fake microphone.
  await browser.context.grantPermissions(['microphone'], { origin: server.origin });
  const farEnd = await openFarEnd(browser.context, server, '1002');
  await farEnd.register(kamailio.wsUrl, '1002');
  return {
    kamailio,
    server,
    browser,
    farEnd,
    async stop() {
      await farEnd.close().catch(() => undefined);
      await browser.close();
      await Promise.all([server.close(), kamailio.stop()]);
    },
  };
}

/** Enters 1001's account in the options page, as a user would, and waits until it registers. */
export async function setUpAccount(lab: PhoneLab): Promise<void> {
  const options = await openOptions(lab.browser.context, lab.browser.extensionId);
  await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: aorOf('1001'), password: USERS['1001'] });
  await waitForRegistration(options, 'Registered');
  await options.close();
}
