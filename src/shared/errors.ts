// Typed errors per layer. Each carries a sentence a person can act on in `message`.

export class RecallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A deck file could not be read at all (individual problems are Diagnostics, not errors). */
export class DeckParseError extends RecallError {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

/** The browser refused to store more data. */
export class QuotaExceeded extends RecallError {}

/** Storage cannot be used at all (private mode, blocked, unavailable). */
export class StorageUnavailable extends RecallError {}

/** A stored record failed validation; it is set aside, never dropped. */
export class CorruptRecord extends RecallError {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`Stored record ${key} is unreadable: ${reason}`);
  }
}

/** A data migration failed; the snapshot taken before it is kept. */
export class MigrationFailed extends RecallError {
  constructor(
    readonly fromVersion: number,
    readonly toVersion: number,
    reason: string,
  ) {
    super(`Upgrading stored data from version ${fromVersion} to ${toVersion} failed: ${reason}`);
  }
}

/** A backup file could not be imported; nothing stored was changed. */
export class ImportRejected extends RecallError {}

/** An import that stored part of a file: the message says exactly what was written. */
export class ImportIncomplete extends RecallError {}

/** The browser could not store a record as it is (not plain data, or nested too deeply). */
export class RecordNotStorable extends RecallError {}
