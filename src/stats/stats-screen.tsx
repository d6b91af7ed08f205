// The Stats screen: every section drawn from StatsFigures. It computes nothing itself; the
// container builds the figures for the chosen scope and passes the workload panel in.
import type { ReactNode } from 'react';
import { ButtonsChart } from './buttons-chart.tsx';
import { CalendarChart } from './calendar-chart.tsx';
import { StatsSection } from './chart-controls.tsx';
import { CountsChart } from './counts-chart.tsx';
import { DistributionsChart } from './distributions-chart.tsx';
import { FutureDueChart } from './future-due-chart.tsx';
import { HardCards, type CardLinks } from './hard-cards.tsx';
import { RetentionChart } from './retention-chart.tsx';
import { ReviewsChart } from './reviews-chart.tsx';
import type { ScopeOption } from './scope.ts';
import { TodayPanel } from './today-panel.tsx';
import type { StatsFigures } from './types.ts';
import './stats.css';

export interface StatsScreenProps {
  figures: StatsFigures;
  scopes: ScopeOption[];
  scope: string;
  onScope: (value: string) => void;
  deckTitle: (deckId: string) => string;
  cardLinks: CardLinks;
  /** The workload forecast panel (it runs a simulation, so the container owns it). */
  workload: ReactNode;
}

export function StatsScreen({
  figures,
  scopes,
  scope,
  onScope,
  deckTitle,
  cardLinks,
  workload,
}: StatsScreenProps) {
  return (
    <div className="stats">
      <div className="stats-head">
        <h1>Statistics</h1>
        <label className="stats-scope">
          Show{' '}
          <select value={scope} onChange={(e) => onScope(e.target.value)}>
            {scopes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <StatsSection id="stats-today" title="Today">
        <TodayPanel today={figures.today} />
      </StatsSection>
      <StatsSection id="stats-calendar" title="Calendar">
        <CalendarChart calendar={figures.calendar} />
      </StatsSection>
      <StatsSection id="stats-reviews" title="Answers and time per day">
        <ReviewsChart reviews={figures.reviews} />
      </StatsSection>
      <StatsSection id="stats-future" title="Due forecast">
        <FutureDueChart futureDue={figures.futureDue} />
      </StatsSection>
      <StatsSection id="stats-retention" title="True retention">
        <RetentionChart retention={figures.retention} deckTitle={deckTitle} />
      </StatsSection>
      <StatsSection id="stats-counts" title="Cards by state">
        <CountsChart counts={figures.counts} />
      </StatsSection>
      <StatsSection id="stats-distributions" title="Memory of the cards">
        <DistributionsChart distributions={figures.distributions} />
      </StatsSection>
      <StatsSection id="stats-buttons" title="Answer buttons">
        <ButtonsChart buttons={figures.distributions.buttons} />
      </StatsSection>
      <StatsSection id="stats-hard" title="Hardest cards">
        <HardCards
          mostLapses={figures.distributions.mostLapses}
          lowestRetrievability={figures.distributions.lowestRetrievability}
          links={cardLinks}
        />
      </StatsSection>
      <StatsSection id="stats-workload" title="Workload forecast">
        {workload}
      </StatsSection>
    </div>
  );
}
