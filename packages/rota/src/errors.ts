import { OmsorgError } from '@omsorg/domain';

/** Stable error codes of `@omsorg/rota`, each with what it means. */
export const ROTA_ERROR_CODES = {
  RULE_INVALID: 'A rule is malformed or its params do not fit its kind.',
  RULE_KIND_UNKNOWN: 'A rule names a kind that is not in the catalogue.',
  RULE_OPTION_OUT_OF_RANGE: 'A preset option lies outside what the law or agreement permits.',
  PROBLEM_INVALID: 'The problem failed validation.',
  ROTA_MISMATCH: 'The rota does not fit the problem (horizon, employees, shift types).',
  IMPORT_FAILED: 'An imported file could not be read.',
  ASSERT_MISMATCH: 'Assert mode found the incremental score differing from a full evaluation.',
  WORKER_FAILED: 'A search worker thread failed or could not start.',
  OPTION_INVALID: 'A solve option is out of its range.',
  WORKERS_UNSUPPORTED: 'The options cannot be sent to worker threads (a custom rule catalogue holds functions).',
} as const;

/** A rota error code. */
export type RotaErrorCode = keyof typeof ROTA_ERROR_CODES;

/** Error thrown by `@omsorg/rota`; `code` is one of {@link ROTA_ERROR_CODES}. */
export class RotaError extends OmsorgError {
  declare readonly code: RotaErrorCode;

  constructor(code: RotaErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(code, message, options);
  }
}
