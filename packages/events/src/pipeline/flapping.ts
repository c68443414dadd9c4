import { withLifecycle } from '../build.js';
import { FLAPPING_KINDS, LIFE_SAFETY_KINDS } from '../schema/kinds.js';
import type { WelfareEvent } from '../schema/v1.js';

/** Options of {@link FlappingDetector}. */
export interface FlappingOptions {
  /** Window in which transitions are counted (default 600 s). */
  windowSeconds?: number;
  /** This many transitions within the window make an alert flap (default 6). */
  threshold?: number;
  /** A flapping alert settles after this long without a transition (default: the window). */
  quietSeconds?: number;
}

interface FlapState {
  times: number[];
  flapping: boolean;
  suppressed: number;
  last: WelfareEvent | undefined;
}

/** What the detector did with one event. */
export type FlappingDecision = { action: 'emit'; event: WelfareEvent } | { action: 'suppress' };

const SUPPRESS: FlappingDecision = Object.freeze({ action: 'suppress' });

/**
 * Flapping (a door or bed sensor or a link going on/off again and again). Only door, bed and
 * connectivity kinds ({@link FLAPPING_KINDS}) are watched; a life-safety kind always passes. When
 * an alert reaches `threshold` transitions within the window, that event is emitted marked
 * `attributes.flapping = true` and later transitions are suppressed (counted). After a quiet
 * period the alert settles: the latest state is emitted marked `flapping = false` with the number
 * suppressed, so the final state is never lost.
 */
export class FlappingDetector {
  readonly #state = new Map<string, FlapState>();
  readonly #windowMs: number;
  readonly #threshold: number;
  readonly #quietMs: number;

  constructor(options: FlappingOptions = {}) {
    this.#windowMs = (options.windowSeconds ?? 600) * 1000;
    this.#threshold = Math.max(2, options.threshold ?? 6);
    this.#quietMs = (options.quietSeconds ?? options.windowSeconds ?? 600) * 1000;
  }

  /** Whether a kind is ever treated as flapping. */
  static watches(event: WelfareEvent): boolean {
    return FLAPPING_KINDS.has(event.data.kind) && !LIFE_SAFETY_KINDS.has(event.data.kind);
  }

  /** Decide on one event; `at` (epoch ms) defaults to its `recordedtime`. */
  apply(event: WelfareEvent, at: number = Date.parse(event.recordedtime)): FlappingDecision {
    const out = this.pass(event, at);
    return out === undefined ? SUPPRESS : { action: 'emit', event: out };
  }

  /**
   * The decision of {@link FlappingDetector.apply} without a decision object: the event to emit (the
   * one given or a marked copy), or `undefined` when it is suppressed.
   */
  pass(event: WelfareEvent, at: number = Date.parse(event.recordedtime)): WelfareEvent | undefined {
    if (!FlappingDetector.watches(event)) return event;
    const key = event.data.alertKey;
    let s = this.#state.get(key);
    if (!s) {
      s = { times: [], flapping: false, suppressed: 0, last: undefined };
      this.#state.set(key, s);
    }
    const lastTransition = s.times[s.times.length - 1];
    if (s.flapping && lastTransition !== undefined && at - lastTransition >= this.#quietMs) {
      // Settled before this event: it goes out as the new state, with the count it replaces.
      const suppressed = s.suppressed;
      s.flapping = false;
      s.suppressed = 0;
      s.times = [at];
      s.last = undefined;
      return mark(event, false, suppressed);
    }
    s.times.push(at);
    while (s.times.length > 0 && at - s.times[0]! > this.#windowMs) s.times.shift();
    if (s.flapping) {
      s.suppressed++;
      s.last = event;
      return undefined;
    }
    if (s.times.length >= this.#threshold) {
      s.flapping = true;
      s.suppressed = 0;
      return mark(event, true, 0);
    }
    return event;
  }

  /**
   * Settle alerts quiet since `now − quiet`: returns the latest suppressed state of each, marked
   * `flapping = false`. Forgets idle alerts, so memory follows the active ones.
   */
  settle(now: Date): WelfareEvent[] {
    const t = now.getTime();
    const out: WelfareEvent[] = [];
    for (const [key, s] of this.#state) {
      const lastTransition = s.times[s.times.length - 1];
      if (lastTransition === undefined || t - lastTransition >= Math.max(this.#quietMs, this.#windowMs)) {
        if (s.flapping && s.last) out.push(mark(s.last, false, s.suppressed));
        this.#state.delete(key);
      } else if (s.flapping && t - lastTransition >= this.#quietMs) {
        if (s.last) out.push(mark(s.last, false, s.suppressed));
        s.flapping = false;
        s.suppressed = 0;
        s.last = undefined;
      }
    }
    return out;
  }

  /** Whether an alert is flapping now. */
  isFlapping(alertKey: string): boolean {
    return this.#state.get(alertKey)?.flapping === true;
  }

  /** Number of alerts tracked. */
  get size(): number {
    return this.#state.size;
  }
}

function mark(event: WelfareEvent, flapping: boolean, suppressed: number): WelfareEvent {
  const own: Record<string, boolean | number> = flapping ? { flapping } : { flapping, suppressedTransitions: suppressed };
  // Keep within the standard's 32 attributes: the flapping marks win over the vendor's last ones.
  const vendor = Object.entries(event.data.attributes ?? {}).filter(([k]) => !(k in own));
  const attributes = Object.fromEntries([...vendor.slice(0, 32 - Object.keys(own).length), ...Object.entries(own)]);
  return withLifecycle(event, event.data.lifecycle, { attributes });
}
