import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type CardState,
  type Rating,
  type ReviewLogEntry,
} from '../shared/types.ts';
import { resetEntry, reviewEntry, suspendEntry, undoTarget, unsuspendEntry } from './actions.ts';
import { replayAll, replayCard } from './replay.ts';

const card = { id: 'd:1', deckId: 'd' };
const start = new Date('2026-01-05T09:00:00-05:00').getTime();

type Step =
  | { kind: 'review'; rating: Rating; gapMs: number }
  | { kind: 'reset' | 'suspend' | 'unsuspend'; gapMs: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      rating: fc.constantFrom<Rating>(1, 2, 3, 4),
      gapMs: fc.integer({ min: 1000, max: 40 * 86_400_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('reset' as const, 'suspend' as const, 'unsuspend' as const),
      gapMs: fc.integer({ min: 1000, max: 86_400_000 }),
    }),
  },
);

function simulate(steps: Step[], fuzz: boolean) {
  const settings = { ...DEFAULT_SETTINGS, enableFuzz: fuzz };
  let state: CardState | undefined;
  let now = start;
  let n = 0;
  const random = () => ((n = (n * 9301 + 49297) % 233280), n / 233280);
  const log: ReviewLogEntry[] = [];
  for (const s of steps) {
    now += s.gapMs;
    const args = { card, state, now, random };
    const r =
      s.kind === 'review'
        ? reviewEntry({ ...args, rating: s.rating, durationMs: 1000, settings })
        : s.kind === 'reset'
          ? resetEntry(args)
          : s.kind === 'suspend'
            ? suspendEntry(args)
            : unsuspendEntry(args);
    log.push(r.entry);
    state = r.state;
  }
  return { state, log, settings };
}

describe('replaying the log rebuilds the stored state', () => {
  it('through FSRS, recomputing every answer, for random rating sequences, fuzz off and on (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.boolean(), (steps, fuzz) => {
        const { state, log, settings } = simulate(steps, fuzz);
        expect(replayCard([...log].reverse(), settings, { recompute: true })).toEqual(state);
        expect(replayCard(log, settings)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  // Guards against a rebuild moving every due date after the person changed their settings.
  it('keeps what each answer recorded when the settings changed since', () => {
    const steps: Step[] = [
      { kind: 'review', rating: 3, gapMs: 1000 },
      { kind: 'review', rating: 3, gapMs: 600_000 },
      { kind: 'review', rating: 3, gapMs: 3 * 86_400_000 },
    ];
    const { state, log } = simulate(steps, true);
    const changed = { ...DEFAULT_SETTINGS, desiredRetention: 0.8, learningSteps: ['5m'] };
    expect(replayCard(log, changed)).toEqual(state);
    expect(replayCard(log, changed, { recompute: true })?.sched).not.toEqual(state?.sched);
  });

  it("recomputes through FSRS where the chain breaks, as when two devices' logs merge", () => {
    const { log, settings } = simulate(
      [
        { kind: 'review', rating: 3, gapMs: 1000 },
        { kind: 'review', rating: 3, gapMs: 600_000 },
        { kind: 'review', rating: 3, gapMs: 2 * 86_400_000 },
        { kind: 'review', rating: 1, gapMs: 9 * 86_400_000 },
      ],
      false,
    );
    // The second answer is missing: the third's `before` no longer matches the fold.
    const gappy = [log[0]!, log[2]!, log[3]!];
    const replayed = replayCard(gappy, settings);
    const honest = replayCard(gappy, settings, { recompute: true });
    expect(replayed).toEqual(honest);
    expect(replayed?.sched).not.toEqual(log[3]!.after);
    expect(replayed?.sched.reps).toBe(3);
  });

  it('groups a whole log by card', () => {
    const a = simulate([{ kind: 'review', rating: 3, gapMs: 1000 }], false);
    const other = { ...card, id: 'd:2' };
    const b = reviewEntry({
      card: other,
      state: undefined,
      rating: 1,
      now: start + 5000,
      durationMs: 1,
      settings: a.settings,
    });
    const all = replayAll([...a.log, b.entry], a.settings);
    expect(all.get('d:1')).toEqual(a.state);
    expect(all.get('d:2')).toEqual(b.state);
  });

  it('undo restores the state before the entry', () => {
    const { log, state, settings } = simulate(
      [
        { kind: 'review', rating: 3, gapMs: 1000 },
        { kind: 'review', rating: 3, gapMs: 600_000 },
      ],
      false,
    );
    const restored = undoTarget(log[1]!, state, log[0]!.id, start);
    expect(restored?.sched).toEqual(log[0]!.after);
    expect(restored?.lastLogId).toBe(log[0]!.id);
    expect(replayCard(log.slice(0, 1), settings)?.sched).toEqual(restored?.sched);
    // Undoing the very first answer makes the card new again (no stored state).
    expect(undoTarget(log[0]!, undefined, null, start)).toBeNull();
  });
});
