import { type LocalizedText, OmsorgError } from '@omsorg/domain';

/** Severity of a decode issue: `error` means the message (or part of it) was not turned into an event. */
export type IssueSeverity = 'error' | 'warning';

/**
 * One problem met while decoding or validating a device message. Untrusted input never throws: it
 * yields issues like this one.
 */
export interface DecodeIssue {
  /** Stable UPPER_SNAKE code, e.g. `CRC_MISMATCH`. */
  code: string;
  /** What went wrong, in bokmål and English. */
  message: LocalizedText;
  /** Where in the message or the event, e.g. `['events', 0, 'data', 'kind']`. */
  path?: (string | number)[];
  /** `error`: data was lost; `warning`: decoded, but worth a look. */
  severity: IssueSeverity;
  /** Id of the adapter that reported it; `defineAdapter` fills it in. */
  adapterId?: string;
}

/** Thrown by `defineAdapter` when an adapter's manifest is invalid (`ADAPTER_MANIFEST_INVALID`). */
export class AdapterManifestError extends OmsorgError {
  /** Every problem found in the manifest. */
  readonly issues: readonly DecodeIssue[];

  constructor(issues: DecodeIssue[], adapterId: string | undefined) {
    const first = issues[0];
    super(
      'ADAPTER_MANIFEST_INVALID',
      `adapter manifest${adapterId ? ` of ${adapterId}` : ''} is invalid: ${issues.length} issue(s)${
        first ? `; first at ${first.path?.join('.') || '(root)'}: ${first.message.en}` : ''
      }`,
      { details: { adapterId, issueCount: issues.length } },
    );
    this.issues = issues;
  }
}

/** Codes of {@link AdapterError}. */
export type AdapterErrorCode = 'ADAPTER_DETECT_FAILED' | 'ADAPTER_ENCODE_FAILED' | 'ADAPTER_NOT_BRANDED';

/** An adapter's own code threw where it must not; carries the adapter id and the original error as `cause`. */
export class AdapterError extends OmsorgError {
  /** Id of the adapter that failed. */
  readonly adapterId: string;

  constructor(code: AdapterErrorCode, adapterId: string, message: string, cause?: unknown) {
    super(code, `${adapterId}: ${message}`, { cause, details: { adapterId } });
    this.adapterId = adapterId;
  }
}
