// A page's live regions: one polite (role=status) and one assertive, always
// in the page so that screen readers hear each change of their text (a region
// added together with its words is often not read). What they say comes from
// shared/use-announcements.ts.

export interface Spoken {
  polite: string;
  assertive: string;
}

/** The two regions; `sr-only` (shared/page-base.css) keeps them out of sight. */
export function LiveRegions({ spoken }: { spoken: Spoken }) {
  return (
    <>
      <div class="sr-only" role="status" data-testid="live-polite">
        {spoken.polite}
      </div>
      <div class="sr-only" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {spoken.assertive}
      </div>
    </>
  );
}
