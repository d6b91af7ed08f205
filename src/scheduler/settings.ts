// Scheduling settings as a person may type them, checked with sentences that say what to fix.
// The rules live in shared/settings-rules.ts so storage/ (stored records, backups) applies the
// very same ones; this module keeps the scheduler's imports where they were.
export {
  parseStep,
  STEP_HELP,
  validateSettings,
  WEIGHT_COUNTS,
  type FieldError,
} from '../shared/settings-rules.ts';
