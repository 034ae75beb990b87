// Setup step 5: no extension API can pin its icon, so this says how, with a
// picture of Chrome's puzzle-piece menu.
export function PinStep() {
  return (
    <>
      <p>
        Chrome puts new extensions in the puzzle-piece menu at the right of the address bar. Click the puzzle piece, then the pin beside
        ClickDial: its icon then stays in the toolbar, where it shows the phone's state (green: ready for calls; red: a problem; blue:
        ringing; a badge during calls) and opens the phone with one click.
      </p>
      <svg class="pin-picture" viewBox="0 0 420 170" width="420" height="170" role="img" aria-labelledby="pin-picture-title">
        <title id="pin-picture-title">
          Chrome's toolbar with the puzzle-piece menu open: ClickDial is listed with a pin button beside it.
        </title>
        <rect x="0" y="0" width="420" height="44" fill="#dee1e6" />
        <rect x="12" y="8" width="300" height="28" rx="14" fill="#fff" />
        <text x="28" y="27" font-size="13" fill="#5f6368">
          crm.example.com
        </text>
        <g fill="#5f6368">
          <rect x="334" y="16" width="14" height="14" rx="1" />
          <circle cx="341" cy="15" r="3.5" />
          <circle cx="349" cy="23" r="3.5" />
        </g>
        <circle cx="341" cy="22" r="17" fill="none" stroke="#1a73e8" stroke-width="2" />
        <rect x="170" y="52" width="240" height="108" rx="8" fill="#fff" stroke="#c4c7c5" />
        <text x="186" y="78" font-size="13" fill="#202124">
          Extensions
        </text>
        <circle cx="198" cy="114" r="11" fill="#16803d" />
        <path d="M193 110c1 5 5 9 10 10l2-2-3-2-1 1c-2-1-4-3-5-5l1-1-2-3z" fill="#fff" />
        <text x="218" y="119" font-size="14" fill="#202124">
          ClickDial
        </text>
        <g transform="translate(372 104)" fill="#1a73e8">
          <path d="M6 0h8v2l-2 1v6l4 4v2H10v6l-1 1-1-1v-6H2v-2l4-4V3L4 2V0z" />
        </g>
        <circle cx="380" cy="115" r="15" fill="none" stroke="#1a73e8" stroke-width="2" />
      </svg>
    </>
  );
}
