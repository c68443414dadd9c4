/**
 * Internal: `Date#toISOString` and `Date.parse` for the hot path. Events carry their times as RFC
 * 3339 strings, and the pipeline turns them back into epoch milliseconds; both native calls cost
 * several hundred nanoseconds each. Messages arrive in time order, so both functions keep the
 * text of the last whole second and only write or read the milliseconds when the second repeats.
 * Results are exactly those of the native calls (anything unusual goes to them).
 */

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the range with a four-digit year. */
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

// The second last formatted: its epoch ms and its text up to and including the '.'.
let cachedSecondMs = Number.NaN;
let cachedPrefix = '';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
/** `000Z` … `999Z`: the end of a timestamp after the second's '.', one shared string per millisecond. */
const MS_SUFFIX: readonly string[] = Array.from({ length: 1000 }, (_, ms) => `${pad3(ms)}Z`);

/** `YYYY-MM-DDTHH:MM:SS.` of a whole second (civil-from-days, proleptic Gregorian, UTC). */
function secondPrefix(secondMs: number): string {
  const days = Math.floor(secondMs / DAY_MS);
  let rem = (secondMs - days * DAY_MS) / 1000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rem / 3600);
  rem -= hour * 3600;
  const minute = Math.floor(rem / 60);
  const second = rem - minute * 60;
  const y = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.`;
}

// The last text `isoString` returned and its epoch ms: the pipeline reads back the `recordedtime`
// an adapter has just formatted, and the very same string is recognised by reference.
let lastIso = '';
let lastIsoMs = Number.NaN;

/** Exactly `date.toISOString()` (throws the same RangeError for an invalid date). */
export function isoString(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= MIN_MS && ms <= MAX_MS)) return date.toISOString();
  if (ms === lastIsoMs) return lastIso;
  const rest = ((ms % 1000) + 1000) % 1000;
  const secondMs = ms - rest;
  if (secondMs !== cachedSecondMs) {
    cachedPrefix = secondPrefix(secondMs);
    cachedSecondMs = secondMs;
  }
  lastIso = cachedPrefix + MS_SUFFIX[rest]!;
  lastIsoMs = ms;
  return lastIso;
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/**
 * Exactly `Date.parse(text)`. Fast when `text` is the last string {@link isoString} returned (the
 * usual `recordedtime`, compared by reference first) or `YYYY-MM-DDTHH:MM:SS.sssZ` in the second
 * last formatted; otherwise the native parser.
 */
export function epochMs(text: string): number {
  if (text === lastIso) return lastIsoMs;
  if (text.length === 24 && text.charCodeAt(23) === 90 /* Z */ && text.startsWith(cachedPrefix) && cachedPrefix.length === 20) {
    const ms = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22);
    if (!Number.isNaN(ms)) return cachedSecondMs + ms;
  }
  return Date.parse(text);
}

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * `re.test`, for a pattern of RFC 3339 timestamps whose date and time take exactly the first 19
 * characters, followed by any fraction (`\.\d+`, optional) and `Z` or an offset. It remembers the
 * last accepted `YYYY-MM-DDTHH:MM:SS.sssZ`: a text with the same first 20 characters (`…SS.`),
 * three digits and `Z` matches as well, so timestamps of the same second skip the regular
 * expression. Property tests compare it with the patterns it is used with.
 */
export function timestampTest(re: RegExp): (s: string) => boolean {
  let prefix = '';
  return (s: string): boolean => {
    if (s.length === 24 && prefix !== '' && s.charCodeAt(23) === 90 && isDigit(s, 20) && isDigit(s, 21) && isDigit(s, 22) && s.startsWith(prefix)) return true;
    if (!re.test(s)) return false;
    if (s.length === 24 && s.charCodeAt(19) === 46 && s.charCodeAt(23) === 90) prefix = s.slice(0, 20);
    return true;
  };
}
