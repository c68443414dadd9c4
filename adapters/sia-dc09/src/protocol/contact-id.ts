/**
 * Ademco Contact ID (SIA DC-05) messages as alarm panels send them over a phone line:
 * `ACCT MT Q EEE GG CCC S` — 16 digits whose values add up to a multiple of 15.
 */
import type { LocalizedText } from '@omsorg/domain';
import type { ContactIdEvent } from './data.js';

/** A parsed DC-05 Contact ID message. */
export interface ContactIdMessage extends ContactIdEvent {
  /** Four-digit account (hex digits B–F allowed). */
  account: string;
  /** Message type: `18` (or `98`). */
  messageType: string;
  /** The checksum digit as sent. */
  checksum: string;
  /** Whether the checksum is right; null when it cannot be checked (a non-numeric account). */
  checksumValid: boolean | null;
}

/** The result of {@link parseContactIdMessage}: the message, or null with the reason. */
export type ContactIdParseResult = { ok: true; message: ContactIdMessage } | { ok: false; message: ContactIdMessage | null; reason: LocalizedText };

// Digit values: '0' counts as 10, '1'–'9' as themselves, 'A'–'F' as 10–15.
function digitValue(ch: string): number | null {
  if (ch === '0') return 10;
  const v = Number.parseInt(ch, 16);
  return Number.isNaN(v) ? null : v;
}

/**
 * The checksum digit for the first 15 digits of a Contact ID message: the digit that makes the sum
 * of all 16 a multiple of 15 (`F` when the sum already is; a value of 10 is written `0`). Null when a
 * character is not a hex digit.
 */
export function contactIdChecksum(first15: string): string | null {
  let sum = 0;
  for (const ch of first15) {
    const v = digitValue(ch.toUpperCase());
    if (v === null) return null;
    sum += v;
  }
  const s = 15 - (sum % 15);
  return s === 10 ? '0' : s.toString(16).toUpperCase();
}

const WIRE = /^\[?\s*([0-9A-Za-z]{3,16}?)\s*(18|98)([0-9])([0-9A-F]{3})([0-9A-F]{2})([0-9A-F]{3})([0-9A-F])\s*\]?$/;

/**
 * Parse a Contact ID message: the 16 digits (`1234181131010158`), or the bracketed wire form some
 * receivers log (`[test 18160201010B]`, account then a space). Never throws.
 */
export function parseContactIdMessage(text: string): ContactIdParseResult {
  const m = WIRE.exec(text.trim().toUpperCase());
  if (!m) {
    return {
      ok: false,
      message: null,
      reason: { nb: 'Ikke en Contact ID-melding (ACCT MT Q EEE GG CCC S)', en: 'Not a Contact ID message (ACCT MT Q EEE GG CCC S)' },
    };
  }
  const [account, messageType, qualifier, event, partition, zoneOrUser, checksum] = m.slice(1) as [string, string, string, string, string, string, string];
  const numeric = /^[0-9A-F]{4}$/.test(account);
  const expected = numeric ? contactIdChecksum(`${account}${messageType}${qualifier}${event}${partition}${zoneOrUser}`) : null;
  const message: ContactIdMessage = {
    account,
    messageType,
    qualifier,
    event,
    partition,
    zoneOrUser,
    checksum,
    checksumValid: expected === null ? null : expected === checksum,
  };
  if (message.checksumValid === false) {
    return { ok: false, message, reason: { nb: `Feil kontrollsiffer ${checksum}; ventet ${expected}`, en: `Wrong checksum ${checksum}; expected ${expected}` } };
  }
  return { ok: true, message };
}
