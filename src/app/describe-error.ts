import { RecallError } from '../shared/errors.ts';

/** One sentence a person can act on, whatever was thrown. */
export function describeError(err: unknown): string {
  if (err instanceof RecallError) return err.message;
  if (err instanceof Error && err.name === 'QuotaExceededError')
    return 'The device storage is full; free some space and try again.';
  if (err instanceof Error) return err.message;
  return String(err);
}
