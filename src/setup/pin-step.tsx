// Setup step 5: no extension API can pin its icon, so this says how, with a
// picture of Chrome's puzzle-piece menu.
import pinPicture from './pin-picture.svg';
import { t } from '../shared/i18n';

export function PinStep() {
  return (
    <>
      <p>{t('setup_pin_how')}</p>
      {/* A picture of Chrome's own interface, so an image: its words are not ClickDial's text to read or measure. */}
      <img class="pin-picture" src={pinPicture} width="420" height="170" alt={t('setup_pin_picture')} />
    </>
  );
}
