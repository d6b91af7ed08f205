// Colours and names of the answer types, shared by the charts (the app's CSS variables, so they
// follow light and dark).
import type { ChartSeries } from './bar-chart.tsx';
import type { AnswerType } from './types.ts';

export const ANSWER_TYPES: readonly AnswerType[] = ['learning', 'review', 'relearning'];

export const ANSWER_SERIES: ChartSeries[] = [
  { key: 'learning', label: 'Learning', color: 'var(--chart-learning)' },
  { key: 'review', label: 'Review', color: 'var(--chart-review)' },
  { key: 'relearning', label: 'Relearning', color: 'var(--chart-relearning)' },
];
