import { describe, expect, it } from 'vitest';
import { importMessage } from './collection-slice.ts';

describe('importMessage', () => {
  // Guards an import message that said nothing of the damaged records it left out.
  it('counts damaged records and trimmed fields', () => {
    expect(
      importMessage(
        { added: 5, skipped: 1, cards: 2, rejected: 0, trimmed: 0, settingsImported: false },
        [],
      ),
    ).toBe('Imported 5 new answers (1 already here); 2 cards updated.');
    expect(
      importMessage(
        { added: 5, skipped: 0, cards: 2, rejected: 7, trimmed: 1, settingsImported: false },
        ['Log entry 3 was left out: unknown rating 9.'],
      ),
    ).toBe(
      'Imported 5 new answers (0 already here); 2 cards updated. 7 damaged records were left out: Log entry 3 was left out: unknown rating 9. … 1 unknown field was too large or too deeply nested to keep and left out.',
    );
  });
});
