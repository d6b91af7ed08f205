/** Characters of source shown for a card that is not drawn: enough to find it in the deck file. */
export const SOURCE_SHOWN = 2_000;

export interface TooBigCardProps {
  markdown: string;
  /** Why the card is not drawn, from renderLimitReason. */
  reason: string;
}

/** A card too big or too complex to draw: says why, with its source (cut short) as plain text. */
export function TooBigCard({ markdown, reason }: TooBigCardProps) {
  const cut = markdown.length > SOURCE_SHOWN;
  return (
    <div className="card-too-big" role="note">
      <p className="card-too-big-reason">
        {reason} Drawing it could freeze the page, so its source is below instead; shorten it in the
        deck file to see it rendered.
      </p>
      <details className="card-too-big-details">
        <summary>
          {cut
            ? `Source (first ${SOURCE_SHOWN.toLocaleString('en-US')} of ${markdown.length.toLocaleString('en-US')} characters)`
            : 'Source'}
        </summary>
        <pre className="card-too-big-source">
          {cut ? `${markdown.slice(0, SOURCE_SHOWN)}…` : markdown}
        </pre>
      </details>
    </div>
  );
}
