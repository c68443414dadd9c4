/**
 * Base class of every error Omsorg throws. `code` is stable UPPER_SNAKE and safe to branch on;
 * `details` is serializable data about the failure.
 */
export class OmsorgError extends Error {
  /** Stable machine-readable code, UPPER_SNAKE. */
  readonly code: string;
  /** Serializable context for the failure (ids, paths, values). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options?.details;
  }

  /** A plain JSON view (code, message, details) for logs and API responses. */
  toJSON(): { name: string; code: string; message: string; details?: Readonly<Record<string, unknown>> } {
    return { name: this.name, code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** A message in Norwegian bokmål and English, for end users. */
export interface LocalizedText {
  /** Norwegian bokmål. */
  nb: string;
  /** English. */
  en: string;
}

/**
 * One problem found in input data: where (`path`), what (`code`), and a message in nb and en.
 * Validation never throws for bad data; it returns a list of these.
 */
export interface DomainIssue {
  /** Stable UPPER_SNAKE code, e.g. `UNKNOWN_REFERENCE`. */
  code: string;
  /** Path into the input, e.g. `['positions', 3, 'employeeId']`. */
  path: (string | number)[];
  /** Human-readable message in bokmål and English. */
  message: LocalizedText;
  /** `error` makes the input unusable; `warning` is worth showing but not blocking. */
  severity: 'error' | 'warning';
}

/** Thrown by `parse*` helpers when input fails validation; `issues` lists every problem found. */
export class DomainValidationError extends OmsorgError {
  /** Every problem found, with paths. */
  readonly issues: readonly DomainIssue[];

  constructor(issues: DomainIssue[], what: string) {
    const first = issues[0];
    super(
      'DOMAIN_VALIDATION_FAILED',
      `${what} is invalid: ${issues.length} issue(s)${first ? `; first at ${first.path.join('.') || '(root)'}: ${first.message.en}` : ''}`,
      { details: { issueCount: issues.length } },
    );
    this.issues = issues;
  }
}
