// Click-to-call on all sites, an optional permission: what it is for, whether
// it is on, and the button that asks Chrome (the options' click-to-call panel
// and the setup show this). The state follows the grant live, also when the
// user changes it in chrome://extensions.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CLICK_TO_CALL_ORIGINS, hasHostAccess, onPermissionsChanged, requestHostAccess } from '../shared/host-access';

/** undefined while it is being read. */
export function useHostAccess(): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    const read = () => void hasHostAccess().then(setGranted, () => setGranted(false));
    read();
    return onPermissionsChanged(read);
  }, []);
  return granted;
}

export function HostAccess({ offerTurnOff = false }: { offerTurnOff?: boolean }) {
  const granted = useHostAccess();
  const [answer, setAnswer] = useState<string>();
  const ask = () => {
    setAnswer(undefined);
    // Straight from the click: Chrome asks only during a user gesture.
    requestHostAccess().then(
      (yes) => setAnswer(yes ? undefined : 'Not turned on: Chrome was told no. You can turn it on here at any time.'),
      (e: unknown) => setAnswer(`Chrome could not ask: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const turnOff = () => {
    setAnswer(undefined);
    browser.permissions.remove({ origins: [...CLICK_TO_CALL_ORIGINS] }).catch((e: unknown) => setAnswer(String(e)));
  };
  return (
    <div class="host-access">
      <p>
        To turn phone numbers on web pages into links, ClickDial has to run in the pages you open; Chrome calls this "Read and change all
        your data on all websites". ClickDial only looks for phone numbers there, on this computer: nothing of the pages is stored or sent
        anywhere. Without it, the toolbar phone, "Call" in the right-click menu and the Alt+Shift+L shortcut still work.
      </p>
      <p role="status" data-testid="host-access-state">
        {granted === undefined
          ? 'Checking…'
          : granted
            ? 'Click-to-call is on for all sites (pages opened or reloaded from now on).'
            : 'Click-to-call is off: ClickDial does not run in web pages.'}
      </p>
      {granted === false && (
        <button type="button" class="primary" onClick={ask}>
          Turn on click-to-call on all sites
        </button>
      )}
      {granted === true && offerTurnOff && (
        <button type="button" onClick={turnOff}>
          Turn off click-to-call on all sites
        </button>
      )}
      {answer && (
        <p class="error" role="alert">
          {answer}
        </p>
      )}
    </div>
  );
}
