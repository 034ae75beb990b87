// Setup step 5: no extension API can pin its icon, so this says how, with a
// picture of Chrome's puzzle-piece menu.
import pinPicture from './pin-picture.svg';

export function PinStep() {
  return (
    <>
      <p>
        Chrome puts new extensions in the puzzle-piece menu at the right of the address bar. Click the puzzle piece, then the pin beside
        ClickDial: its icon then stays in the toolbar, where it shows the phone's state (green: ready for calls; red: a problem; blue:
        ringing; a badge during calls) and opens the phone with one click.
      </p>
      {/* A picture of Chrome's own interface, so an image: its words are not ClickDial's text to read or measure. */}
      <img
        class="pin-picture"
        src={pinPicture}
        width="420"
        height="170"
        alt="Chrome's toolbar with the puzzle-piece menu open: ClickDial is listed with a pin button beside it."
      />
    </>
  );
}
