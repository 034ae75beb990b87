// The world every ClickDial end-to-end test starts from: Kamailio on
// loopback, the far-end page server, one Chromium with the built extension,
// and far-end phones (1002 unless told otherwise) registered in its tabs.
import { extensionIdOf, launchBrowser, type LaunchOptions, type LaunchedExtensionBrowser } from './browser.js';
import { fillAccountForm, openOptions, waitForRegistration } from './clickdial.js';
import { openFarEnd, type FarEnd } from './far-end.js';
import { startFarEndServer, type FarEndServer } from './far-end-server.js';
import { startKamailio, type KamailioServer, type StartKamailioOptions } from './kamailio.js';
import { USERS, aorOf, type UserId } from './users.js';

export interface PhoneLab {
  kamailio: KamailioServer;
  server: FarEndServer;
  browser: LaunchedExtensionBrowser;
  /** The first far end. */
  farEnd: FarEnd;
  /** Every far end, by user. */
  far: Partial<Record<UserId, FarEnd>>;
  stop(): Promise<void>;
}

/** The key the lab assigns to opening the toolbar popup (only with `popupShortcut`). */
export const POPUP_KEY = 'Alt+Shift+P';

export interface PhoneLabOptions extends Pick<LaunchOptions, 'headless' | 'firstRun' | 'hostAccess' | 'extraArgs' | 'callWindow'> {
  /** Assign POPUP_KEY to opening the real toolbar popup (headful only: needs real key presses). */
  popupShortcut?: boolean;
  /** As a user who accepted the one-time microphone question earlier. Default true. */
  microphoneGranted?: boolean;
  /** The camera, as the microphone (default true). */
  cameraGranted?: boolean;
  /** Far-end users to register, each in its own tab. Default ['1002']. */
  farEnds?: [UserId, ...UserId[]];
  /** How Kamailio is started (e.g. defines: ['AOR_ONLY']). */
  kamailio?: StartKamailioOptions;
}

export async function startPhoneLab({
  microphoneGranted = true,
  cameraGranted = true,
  headless = true,
  farEnds = ['1002'],
  popupShortcut = false,
  kamailio: kamailioOptions = {},
  firstRun,
  hostAccess,
  extraArgs,
  callWindow,
}: PhoneLabOptions = {}): Promise<PhoneLab> {
  const [kamailio, server] = await Promise.all([startKamailio(kamailioOptions), startFarEndServer()]);
  const browser = await launchBrowser({
    headless,
    // No fake permission UI: the extension has the microphone only if granted here.
    micUi: 'none',
    ...(firstRun ? { firstRun } : {}),
    ...(hostAccess !== undefined ? { hostAccess } : {}),
    ...(extraArgs ? { extraArgs } : {}),
    ...(callWindow ? { callWindow } : {}),
    ...(microphoneGranted ? { grantMicrophoneTo: extensionIdOf('dist') } : {}),
    ...(cameraGranted ? { grantCameraTo: extensionIdOf('dist') } : {}),
    ...(popupShortcut ? { actionShortcut: { extensionId: extensionIdOf('dist'), key: POPUP_KEY } } : {}),
  });
  // The far-end page is an ordinary web origin: grant it its fake microphone.
  await browser.context.grantPermissions(['microphone', 'camera'], { origin: server.origin });
  const far: Partial<Record<UserId, FarEnd>> = {};
  await Promise.all(
    farEnds.map(async (user) => {
      const phone = await openFarEnd(browser.context, server, user);
      await phone.register(kamailio.wsUrl, user);
      far[user] = phone;
    }),
  );
  const farEnd = far[farEnds[0]] as FarEnd;
  const lab: PhoneLab = {
    kamailio,
    server,
    browser,
    farEnd,
    far,
    async stop() {
      await Promise.all(Object.values(far).map((phone) => phone.close().catch(() => undefined)));
      await browser.close();
      // lab.kamailio: a test may have restarted the server.
      await Promise.all([server.close(), lab.kamailio.stop()]);
    },
  };
  return lab;
}

/** Enters 1001's account in the options page, as a user would, and waits until it registers. */
export async function setUpAccount(lab: PhoneLab): Promise<void> {
  const options = await openOptions(lab.browser.context, lab.browser.extensionId);
  await fillAccountForm(options, { server: lab.kamailio.wsUrl, aor: aorOf('1001'), password: USERS['1001'] });
  await waitForRegistration(options, 'Registered');
  await options.close();
}
