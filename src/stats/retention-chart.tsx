// True retention (passed over eligible review answers) by period, young and mature, beside the
// desired retention: each row has a bar with the target drawn on it and says above or below.
import type { ReactNode } from 'react';
import { EmptyNote } from './chart-controls.tsx';
import { formatCount, formatRate } from './format.ts';
import type { RetentionCell, RetentionPeriod, RetentionStats } from './types.ts';

const PERIOD_LABEL: Record<RetentionPeriod, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'Last 7 days',
  month: 'Last 30 days',
  year: 'Last 365 days',
  all: 'All time',
};

function Cell({ cell }: { cell: RetentionCell }) {
  const n = cell.passed + cell.failed;
  return (
    <td className="num">
      {formatRate(cell.rate)}
      {n > 0 && (
        <span className="muted small">
          {' '}
          {formatCount(cell.passed)}/{formatCount(n)}
        </span>
      )}
    </td>
  );
}

/** The bar starts at 50%: retention below it is rare, and the space goes to telling 89% from 91%. */
const FLOOR = 0.5;
const at = (r: number) => ((Math.min(1, Math.max(FLOOR, r)) - FLOOR) / (1 - FLOOR)) * 80;

/** A bar of the rate with a tick at the target, and a word that does not rely on colour. */
export function TargetMark({ rate, target }: { rate: number | null; target: number }) {
  if (rate === null) return <span className="muted">—</span>;
  const above = rate >= target;
  return (
    <span className="target-mark">
      <svg width={80} height={12} aria-hidden="true" className="retention-bar">
        <rect x={0} y={2} width={80} height={8} rx={2} className="track" />
        <rect
          x={0}
          y={2}
          width={Math.max(1, at(rate))}
          height={8}
          rx={2}
          className={above ? 'fill above' : 'fill below'}
        />
        <line x1={at(target)} x2={at(target)} y1={0} y2={12} className="target" />
      </svg>
      <span className={above ? 'verdict above' : 'verdict below'}>
        {above ? '▲ above' : '▼ below'}
      </span>
    </span>
  );
}

function Table({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={`${label}, table`} tabIndex={0}>
      <table className="data retention" aria-label={label}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 && i < head.length - 1 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function RetentionChart({
  retention,
  deckTitle,
}: {
  retention: RetentionStats;
  deckTitle: (deckId: string) => string;
}) {
  const { rows, target, byDeck } = retention;
  const any = rows.some((r) => r.total.rate !== null);
  return (
    <>
      <p className="stats-facts">
        <span>
          Desired retention: <strong data-testid="target">{formatRate(target)}</strong>
        </span>
        <span className="muted small">
          Young: interval under 21 days before the answer; mature: 21 days or more. Hard, Good and
          Easy pass.
        </span>
      </p>
      {!any && (
        <EmptyNote>No review answers yet: retention counts cards already learned.</EmptyNote>
      )}
      <Table
        label="True retention by period"
        head={['Period', 'Young', 'Mature', 'Total', 'vs target']}
      >
        {rows.map((r) => (
          <tr key={r.period} data-period={r.period}>
            <th scope="row">{PERIOD_LABEL[r.period]}</th>
            <Cell cell={r.young} />
            <Cell cell={r.mature} />
            <Cell cell={r.total} />
            <td>
              <TargetMark rate={r.total.rate} target={target} />
            </td>
          </tr>
        ))}
      </Table>
      {byDeck.length > 0 && (
        <>
          <h3>By deck</h3>
          <Table
            label="True retention by deck"
            head={['Deck', 'Last 30 days', 'All time', 'All time vs target']}
          >
            {byDeck.map((d) => (
              <tr key={d.deckId}>
                <th scope="row">{deckTitle(d.deckId)}</th>
                <Cell cell={d.month} />
                <Cell cell={d.all} />
                <td>
                  <TargetMark rate={d.all.rate} target={target} />
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}
