/**
 * The DC-09 timestamp `_HH:MM:SS,MM-DD-YYYY` (always UTC) and the receive-time window check.
 */

/** How far a frame's timestamp may be from the receive time. DC-09 suggests −40 s / +20 s. */
export interface TimestampWindow {
  /** Seconds a timestamp may lie before the receive time (default 40). */
  pastSeconds: number;
  /** Seconds a timestamp may lie after the receive time (default 20). */
  futureSeconds: number;
}

/** The DC-09 default window: −40 s / +20 s around the receive time. */
export const DEFAULT_TIMESTAMP_WINDOW: Readonly<TimestampWindow> = Object.freeze({ pastSeconds: 40, futureSeconds: 20 });

const STAMP = /^_(\d{2}):(\d{2}):(\d{2}),(\d{2})-(\d{2})-(\d{4})$/;

/** The instant of a `_HH:MM:SS,MM-DD-YYYY` stamp as an ISO string (`…Z`), or null if it is no real UTC time. */
export function parseDc09Timestamp(stamp: string): string | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const [hh, mi, ss, mo, dd, yyyy] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (hh > 23 || mi > 59 || ss > 59 || mo < 1 || mo > 12 || dd < 1 || yyyy < 1970) return null;
  const ms = Date.UTC(yyyy, mo - 1, dd, hh, mi, ss);
  const d = new Date(ms);
  if (d.getUTCDate() !== dd || d.getUTCMonth() !== mo - 1) return null;
  return d.toISOString().replace('.000Z', 'Z');
}

/** `_HH:MM:SS,MM-DD-YYYY` for an instant (UTC), as DC-09 replies carry it. */
export function formatDc09Timestamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `_${p(at.getUTCHours())}:${p(at.getUTCMinutes())}:${p(at.getUTCSeconds())},${p(at.getUTCMonth() + 1)}-${p(at.getUTCDate())}-${p(at.getUTCFullYear(), 4)}`;
}

/** Seconds from `receivedAt` to `timestamp` (positive: the frame claims a later time), or null when it fits the window. */
export function outsideWindow(timestampIso: string, receivedAt: Date, window: TimestampWindow): number | null {
  const skew = (Date.parse(timestampIso) - receivedAt.getTime()) / 1000;
  if (skew < -window.pastSeconds || skew > window.futureSeconds) return skew;
  return null;
}
