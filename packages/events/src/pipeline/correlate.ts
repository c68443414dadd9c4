import { withLifecycle } from '../build.js';
import { type EventKind, POINT_KINDS } from '../schema/kinds.js';
import type { EventData, WelfareEvent } from '../schema/v1.js';

/** What the correlator knows about one open alert (an episode from raise to resolve). */
export interface OpenAlert {
  /** The alert key. */
  alertKey: string;
  /** Event kind. */
  kind: EventKind;
  /** Id of the event that opened the episode. */
  firstEventId: string;
  /** When the episode opened (epoch ms, from the event's `recordedtime`). */
  openedAt: number;
  /** Last event of the episode (epoch ms). */
  lastAt: number;
  /** Raises so far in this episode. */
  repeatCount: number;
  /** Handling state so far. */
  handling: EventData['handling'];
}

/** Options of {@link AlertCorrelator}. */
export interface AlertCorrelatorOptions {
  /** An open alert with no event for this long is forgotten (default 24 h); a later raise opens a new episode. */
  episodeTtlSeconds?: number;
  /** At most this many open alerts are kept (default 1 000 000); the least recently touched goes first. */
  maxOpen?: number;
}

/**
 * Correlates raise, repeat, acknowledge and resolve by `alertKey`. A raise while the alert is open
 * becomes `updated` with the next `repeatCount` — repeated user alarms are never dropped.
 * Acknowledge and escalate update the handling state; resolve, expire and cancel close the episode.
 * Point kinds (heartbeat, test report, …) pass unchanged.
 */
export class AlertCorrelator {
  // Map order = least recently touched first (touch = delete + set).
  readonly #open = new Map<string, OpenAlert>();
  readonly #ttlMs: number;
  readonly #maxOpen: number;

  constructor(options: AlertCorrelatorOptions = {}) {
    this.#ttlMs = (options.episodeTtlSeconds ?? 24 * 3600) * 1000;
    this.#maxOpen = Math.max(1, options.maxOpen ?? 1_000_000);
  }

  /** Correlate one event; returns it, or a relabeled copy. `at` (epoch ms) defaults to its `recordedtime`. */
  apply(event: WelfareEvent, at: number = Date.parse(event.recordedtime)): WelfareEvent {
    const d = event.data;
    if (POINT_KINDS.has(d.kind)) return event;
    const key = d.alertKey;
    let open = this.#open.get(key);
    if (open && at - open.lastAt > this.#ttlMs) {
      this.#open.delete(key);
      open = undefined;
    }
    switch (d.lifecycle) {
      case 'raised':
      case 'updated': {
        if (!open) {
          this.#touch(key, {
            alertKey: key,
            kind: d.kind,
            firstEventId: event.id,
            openedAt: at,
            lastAt: at,
            repeatCount: d.repeatCount,
            handling: d.handling,
          });
          return event;
        }
        const repeatCount = Math.max(open.repeatCount + 1, d.repeatCount);
        open.lastAt = at;
        open.repeatCount = repeatCount;
        this.#touch(open.alertKey, open);
        return withLifecycle(event, 'updated', { repeatCount, handling: open.handling });
      }
      case 'acknowledged':
      case 'escalated': {
        if (!open) return event;
        const handling = d.lifecycle === 'acknowledged' ? 'acknowledged' : 'escalated';
        open.lastAt = at;
        open.handling = handling;
        this.#touch(open.alertKey, open);
        return open.repeatCount === d.repeatCount ? event : withLifecycle(event, d.lifecycle, { repeatCount: open.repeatCount });
      }
      default: {
        if (!open) return event;
        this.#open.delete(key);
        return open.repeatCount === d.repeatCount ? event : withLifecycle(event, d.lifecycle, { repeatCount: open.repeatCount });
      }
    }
  }

  /** Forget open alerts with no event since `now − episodeTtl`; returns how many were forgotten. */
  sweep(now: Date): number {
    const limit = now.getTime() - this.#ttlMs;
    let n = 0;
    for (const [key, open] of this.#open) {
      if (open.lastAt >= limit) break;
      this.#open.delete(key);
      n++;
    }
    return n;
  }

  /** The open alert under a key, if any. */
  get(alertKey: string): Readonly<OpenAlert> | undefined {
    return this.#open.get(alertKey);
  }

  /** Number of open alerts. */
  get size(): number {
    return this.#open.size;
  }

  // An open alert is touched under the key string it was stored with (equal to the event's): the
  // map then keeps one long-lived string, not the key of each later event.
  #touch(key: string, open: OpenAlert): void {
    this.#open.delete(key);
    this.#open.set(key, open);
    if (this.#open.size > this.#maxOpen) {
      const oldest = this.#open.keys().next().value as string;
      this.#open.delete(oldest);
    }
  }
}
