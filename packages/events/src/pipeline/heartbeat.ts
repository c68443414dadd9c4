import { createEvent } from '../build.js';
import type { WelfareEvent } from '../schema/v1.js';

/** Last-seen state of one device, as persisted. Times are epoch milliseconds. */
export interface LastSeenRecord {
  /** Tenant. */
  tenant: string;
  /** Device id. */
  deviceId: string;
  /** Last sign of life. */
  lastSeenAt: number;
  /** Expected seconds between signs of life. */
  intervalSeconds: number;
  /** Set while the device is reported offline: when it was reported. */
  offlineSince?: number;
}

/**
 * Where last-seen state survives a restart. The monitor works in memory and calls `load` once at
 * start and `save` with the changed records on `flush`, so any key-value store or table fits.
 */
export interface LastSeenStore {
  /** Every stored record. */
  load(): Promise<LastSeenRecord[]>;
  /** Store (insert or replace) these records. */
  save(records: readonly LastSeenRecord[]): Promise<void>;
}

/** A {@link LastSeenStore} in memory (tests; or a base to wrap a file). */
export class MemoryLastSeenStore implements LastSeenStore {
  readonly #records = new Map<string, LastSeenRecord>();

  /** Every stored record (copies). */
  async load(): Promise<LastSeenRecord[]> {
    return [...this.#records.values()].map((r) => ({ ...r }));
  }

  /** Store these records. */
  async save(records: readonly LastSeenRecord[]): Promise<void> {
    for (const r of records) this.#records.set(`${r.tenant}/${r.deviceId}`, { ...r });
  }
}

/** Options of {@link HeartbeatMonitor}. */
export interface HeartbeatOptions {
  /** Interval for a device nobody told us about (default 300 s). */
  defaultIntervalSeconds?: number;
  /** A device is offline after `interval × toleranceFactor` of silence (default 2.5, so one lost heartbeat is fine). */
  toleranceFactor?: number;
  /** After a restart no device is reported offline before this much time (default 600 s). */
  startupGraceSeconds?: number;
  /** Where last-seen state persists (default: memory only). */
  store?: LastSeenStore;
}

/** A sign of life: who, when, and (if known) the expected interval. */
export interface SignOfLife {
  /** Tenant. */
  tenant: string;
  /** Device id. */
  deviceId: string;
  /** When (epoch ms or Date). */
  at: Date | number;
  /** Expected interval of this device, if known (from the registry or the adapter manifest). */
  intervalSeconds?: number;
}

/**
 * Heartbeat and offline detection. Any message is a sign of life ({@link HeartbeatMonitor.seen}).
 * {@link HeartbeatMonitor.check} raises `technical.device_offline` (component `connectivity`) for
 * each device silent past its tolerance; the next sign of life resolves it. After `start` no device
 * is reported before the grace period has passed, measured as if it had been seen at start:
 * the receiver being down is not the fleet being down.
 */
export class HeartbeatMonitor {
  // Records by tenant, then device id: no key string is built per message. The last tenant's map
  // is kept at hand (a receiver mostly serves one tenant). Changed records are listed once each:
  // a record carries whether it is listed.
  readonly #devices = new Map<string, Map<string, Tracked>>();
  #lastTenant: string | undefined;
  #lastById: Map<string, Tracked> | undefined;
  #dirty: Tracked[] = [];
  #count = 0;
  readonly #defaultInterval: number;
  readonly #tolerance: number;
  readonly #graceMs: number;
  readonly #store: LastSeenStore | undefined;
  #startedAt = Number.NEGATIVE_INFINITY;

  constructor(options: HeartbeatOptions = {}) {
    this.#defaultInterval = options.defaultIntervalSeconds ?? 300;
    this.#tolerance = options.toleranceFactor ?? 2.5;
    this.#graceMs = (options.startupGraceSeconds ?? 600) * 1000;
    this.#store = options.store;
  }

  /** Load persisted state and start the grace period at `now`. */
  async start(now: Date): Promise<void> {
    this.#startedAt = now.getTime();
    if (!this.#store) return;
    for (const r of await this.#store.load()) {
      const mine = this.#devices.get(r.tenant)?.get(r.deviceId);
      if (!mine) this.#put(new Tracked(r));
      else if (mine.lastSeenAt < r.lastSeenAt) Object.assign(mine, r);
    }
  }

  /** Write changed records to the store. */
  async flush(): Promise<void> {
    if (!this.#store || this.#dirty.length === 0) return;
    const records = this.#dirty.map((r) => {
      r.listed = false;
      return r.plain();
    });
    this.#dirty = [];
    await this.#store.save(records);
  }

  /**
   * Record a sign of life. Returns the `resolved` device_offline event when the device was offline,
   * else undefined.
   */
  seen(sign: SignOfLife): WelfareEvent | undefined {
    const at = typeof sign.at === 'number' ? sign.at : sign.at.getTime();
    const tenant = sign.tenant;
    const byId = tenant === this.#lastTenant ? this.#lastById : this.#devices.get(tenant);
    const r = byId?.get(sign.deviceId);
    if (!r) {
      this.#list(
        this.#put(new Tracked({ tenant, deviceId: sign.deviceId, lastSeenAt: at, intervalSeconds: sign.intervalSeconds ?? this.#defaultInterval })),
      );
      return undefined;
    }
    if (byId !== this.#lastById) {
      this.#lastTenant = tenant;
      this.#lastById = byId;
    }
    if (at > r.lastSeenAt) r.lastSeenAt = at;
    if (sign.intervalSeconds !== undefined) r.intervalSeconds = sign.intervalSeconds;
    if (!r.listed) this.#list(r);
    if (r.offlineSince === undefined) return undefined;
    const since = r.offlineSince;
    delete r.offlineSince;
    return offlineEvent(r, 'resolved', at, since);
  }

  /** Raise device_offline for every device silent past its tolerance at `now` (once per outage). */
  check(now: Date): WelfareEvent[] {
    const t = now.getTime();
    const graceEnd = this.#startedAt + this.#graceMs;
    const out: WelfareEvent[] = [];
    for (const r of this.devices()) {
      if (r.offlineSince !== undefined) continue;
      const deadline = Math.max(r.lastSeenAt, this.#startedAt) + r.intervalSeconds * this.#tolerance * 1000;
      if (t > deadline && t >= graceEnd) {
        const mutable = r as Tracked;
        mutable.offlineSince = t;
        if (!mutable.listed) this.#list(mutable);
        out.push(offlineEvent(mutable, 'raised', t, t));
      }
    }
    return out;
  }

  /** The state of one device. */
  get(tenant: string, deviceId: string): Readonly<LastSeenRecord> | undefined {
    return this.#devices.get(tenant)?.get(deviceId);
  }

  /** Every device known (read-only views). */
  *devices(): IterableIterator<Readonly<LastSeenRecord>> {
    for (const byId of this.#devices.values()) yield* byId.values();
  }

  /** Number of devices tracked. */
  get size(): number {
    return this.#count;
  }

  #list(r: Tracked): void {
    r.listed = true;
    this.#dirty.push(r);
  }

  #put(r: Tracked): Tracked {
    let byId = this.#devices.get(r.tenant);
    if (!byId) {
      byId = new Map();
      this.#devices.set(r.tenant, byId);
    }
    byId.set(r.deviceId, r);
    this.#count++;
    return r;
  }
}

/** A record as the monitor keeps it: the {@link LastSeenRecord} fields, and whether it is listed as changed. */
class Tracked implements LastSeenRecord {
  tenant: string;
  deviceId: string;
  lastSeenAt: number;
  intervalSeconds: number;
  declare offlineSince?: number;
  /** Listed among the records to save on the next flush (not enumerable: copies of the record leave it out). */
  declare listed: boolean;

  constructor(r: LastSeenRecord) {
    this.tenant = r.tenant;
    this.deviceId = r.deviceId;
    this.lastSeenAt = r.lastSeenAt;
    this.intervalSeconds = r.intervalSeconds;
    if (r.offlineSince !== undefined) this.offlineSince = r.offlineSince;
    Object.defineProperty(this, 'listed', { value: false, writable: true, enumerable: false });
  }

  /** A plain copy of the record fields. */
  plain(): LastSeenRecord {
    return { ...this };
  }
}

function offlineEvent(r: LastSeenRecord, lifecycle: 'raised' | 'resolved', at: number, offlineSince: number): WelfareEvent {
  const source = `urn:omsorg:${r.tenant}:heartbeat`;
  const lastSeen = new Date(r.lastSeenAt).toISOString();
  return createEvent({
    tenant: r.tenant,
    source,
    kind: 'device_offline',
    lifecycle,
    device: { id: r.deviceId, component: 'connectivity' },
    codes: { raw: lifecycle === 'raised' ? 'HEARTBEAT_MISSED' : 'HEARTBEAT_RESTORED' },
    time: new Date(at),
    recordedAt: new Date(at),
    // One id per outage: a second check or a restart re-raising the same outage is a duplicate.
    idParts: [r.deviceId, lifecycle, offlineSince],
    attributes: { lastSeenAt: lastSeen, intervalSeconds: r.intervalSeconds, offlineSince: new Date(offlineSince).toISOString() },
    text:
      lifecycle === 'raised'
        ? { nb: `Ingen livstegn fra enheten siden ${lastSeen}`, en: `No sign of life from the device since ${lastSeen}` }
        : { nb: 'Enheten er i kontakt igjen', en: 'The device is in contact again' },
  });
}
