import { type DomainIssue, OmsorgError } from '@omsorg/domain';

/**
 * Thrown by `@omsorg/competence` when it is called in a way that cannot be answered (an unknown
 * procedure, an invalid catalogue passed to a throwing helper). Bad input data never throws: it
 * comes back as {@link DomainIssue}s.
 */
export class CompetenceError extends OmsorgError {
  /** Issues behind the error, when it comes from validation. */
  readonly issues: readonly DomainIssue[];

  constructor(code: CompetenceErrorCode, message: string, options: { issues?: DomainIssue[]; details?: Record<string, unknown> } = {}) {
    super(code, message, options.details ? { details: options.details } : undefined);
    this.issues = options.issues ?? [];
  }
}

/** Stable codes of {@link CompetenceError}. */
export type CompetenceErrorCode = 'INVALID_CATALOGUE' | 'UNKNOWN_PROCEDURE' | 'INVALID_PERIOD';

/** Build a {@link DomainIssue} (severity `error` unless told). */
export function issue(code: string, path: (string | number)[], nb: string, en: string, severity: DomainIssue['severity'] = 'error'): DomainIssue {
  return { code, path, message: { nb, en }, severity };
}
