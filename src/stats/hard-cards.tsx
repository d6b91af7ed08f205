// The cards that trouble the person most, each a link to it in the deck browser.
import { EmptyNote } from './chart-controls.tsx';
import { formatCount, formatRate } from './format.ts';
import type { HardCard } from './types.ts';

export interface CardLinks {
  /** Address of the card in the deck browser; null when its question is no longer in a deck. */
  href: (card: HardCard) => string | null;
  /** A short text of the card's question (or a note that it is no longer in a deck). */
  label: (card: HardCard) => string;
}

function CardLink({ card, links }: { card: HardCard; links: CardLinks }) {
  const href = links.href(card);
  if (href === null) return <span data-card={card.cardId}>{links.label(card)}</span>;
  return (
    <a href={href} data-card={card.cardId}>
      {links.label(card)}
    </a>
  );
}

function List({ title, cards, links }: { title: string; cards: HardCard[]; links: CardLinks }) {
  return (
    <div className="hard-list">
      <h3>{title}</h3>
      {cards.length === 0 ? (
        <EmptyNote>None yet.</EmptyNote>
      ) : (
        <ol>
          {cards.map((c) => (
            <li key={c.cardId}>
              <CardLink card={c} links={links} />{' '}
              <span className="muted small">
                {formatCount(c.lapses)} {c.lapses === 1 ? 'lapse' : 'lapses'} · recall{' '}
                {formatRate(c.retrievability)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function HardCards({
  mostLapses,
  lowestRetrievability,
  links,
}: {
  mostLapses: HardCard[];
  lowestRetrievability: HardCard[];
  links: CardLinks;
}) {
  return (
    <div className="hard-cards">
      <List title="Most lapses" cards={mostLapses} links={links} />
      <List title="Lowest chance of recall now" cards={lowestRetrievability} links={links} />
    </div>
  );
}
