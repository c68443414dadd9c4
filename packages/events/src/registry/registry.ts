import { type Device, DeviceSchema, type DeviceType, fromZodIssues, OmsorgError } from '@omsorg/domain';
import type { WelfareEvent } from '../schema/v1.js';

/** Codes of {@link RegistryError}. */
export type RegistryErrorCode = 'DEVICE_INVALID' | 'DEVICE_DUPLICATE' | 'DEVICE_UNKNOWN';

/** A registry operation was given a device it cannot accept. */
export class RegistryError extends OmsorgError {
  constructor(code: RegistryErrorCode, message: string, details: Record<string, unknown>) {
    super(code, message, { details });
  }
}

/** One battery reading. */
export interface BatteryReading {
  /** When (RFC 3339). */
  at: string;
  /** Level 0–100, when the device reports one. */
  percent?: number;
  /** The device said its battery is low (battery_low raised) or no longer low (resolved). */
  low?: boolean;
}

/** One period a device was assigned to a resident. */
export interface ResidentAssignment {
  /** Resident id. */
  residentId: string;
  /** From (RFC 3339). */
  from: string;
  /** To (RFC 3339); open while assigned. */
  to?: string;
}

/** A device in the registry with its live state and history. */
export interface RegistryEntry {
  /** The device (domain model): type, vendor, serial, firmware, location, resident, dates. */
  device: Device;
  /** Last sign of life (RFC 3339). */
  lastSeenAt?: string;
  /** Set while a device_offline alert is open (RFC 3339 of the raise). */
  offlineSince?: string;
  /** Last battery level reported. */
  batteryPercent?: number;
  /** Battery reported low and not yet restored. */
  batteryLow: boolean;
  /** Battery readings, oldest first (bounded). */
  batteryHistory: BatteryReading[];
  /** Signs of life, at most one per resolution step, oldest first (bounded). */
  seenHistory: string[];
  /** Resident assignments, oldest first. */
  residentHistory: ResidentAssignment[];
}

/** Options of {@link DeviceRegistry}. */
export interface DeviceRegistryOptions {
  /** Only events of this tenant are observed. */
  tenant: string;
  /** Entries kept per history (default 200). */
  historyLimit?: number;
  /** Signs of life closer than this are one history entry (default 60 min). */
  seenResolutionMinutes?: number;
}

/** A registry query; all given conditions must hold. */
export interface DeviceQuery {
  /** Unit (enhet). */
  unitId?: string;
  /** Ward (avdeling). */
  wardId?: string;
  /** Device type. */
  type?: DeviceType;
  /** Vendor. */
  vendor?: string;
  /** Assigned to this resident. */
  residentId?: string;
  /** Silent (no sign of life) for more than this many hours at `now`; never-seen devices do not match. */
  silentForMoreThanHours?: number;
  /** Only devices with an open device_offline alert. */
  offline?: boolean;
  /** Only devices never heard from. */
  neverSeen?: boolean;
  /** Battery below this percent, or reported low. */
  batteryBelow?: number;
  /** Include retired devices (default false). */
  includeRetired?: boolean;
  /** The time the query is about (default now). */
  now?: Date;
}

/**
 * The equipment registry (forvaltning av velferdsteknologi): devices with type, vendor, serial,
 * firmware, location, assigned resident and installed/retired dates, fed by the event stream for
 * last-seen, offline state and battery. Queries such as "all devices silent for more than 24 h in
 * unit X": `registry.query({ unitId: 'X', silentForMoreThanHours: 24 })`.
 */
export class DeviceRegistry {
  readonly #entries = new Map<string, RegistryEntry>();
  readonly #tenant: string;
  readonly #historyLimit: number;
  readonly #seenResolutionMs: number;

  constructor(options: DeviceRegistryOptions) {
    this.#tenant = options.tenant;
    this.#historyLimit = Math.max(1, options.historyLimit ?? 200);
    this.#seenResolutionMs = (options.seenResolutionMinutes ?? 60) * 60_000;
  }

  /** Add a device (validated against the domain `DeviceSchema`). Throws {@link RegistryError}. */
  register(input: unknown, at: Date = new Date()): RegistryEntry {
    const parsed = DeviceSchema.safeParse(input);
    if (!parsed.success) {
      const issues = fromZodIssues(parsed.error.issues);
      throw new RegistryError('DEVICE_INVALID', `device is invalid: ${issues.map((i) => `${i.path.join('.')}: ${i.message.en}`).join('; ')}`, {
        issues,
      });
    }
    const device = parsed.data;
    if (this.#entries.has(device.id)) throw new RegistryError('DEVICE_DUPLICATE', `device ${device.id} is already registered`, { id: device.id });
    const entry: RegistryEntry = { device, batteryLow: false, batteryHistory: [], seenHistory: [], residentHistory: [] };
    if (device.residentId) entry.residentHistory.push({ residentId: device.residentId, from: at.toISOString() });
    this.#entries.set(device.id, entry);
    return entry;
  }

  /** Change firmware, location or other fields (not the id). Throws {@link RegistryError}. */
  update(id: string, patch: Partial<Omit<Device, 'id' | 'residentId'>>): RegistryEntry {
    const entry = this.#require(id);
    const parsed = DeviceSchema.safeParse({ ...entry.device, ...patch, id });
    if (!parsed.success) {
      throw new RegistryError('DEVICE_INVALID', `update of ${id} is invalid`, { issues: fromZodIssues(parsed.error.issues) });
    }
    entry.device = parsed.data;
    return entry;
  }

  /** Assign the device to a resident (or unassign with `undefined`), keeping the history. */
  assignResident(id: string, residentId: string | undefined, at: Date = new Date()): RegistryEntry {
    const entry = this.#require(id);
    const open = entry.residentHistory[entry.residentHistory.length - 1];
    if (open && open.to === undefined) open.to = at.toISOString();
    const { residentId: _old, ...rest } = entry.device;
    entry.device = residentId === undefined ? rest : { ...rest, residentId };
    if (residentId !== undefined) entry.residentHistory.push({ residentId, from: at.toISOString() });
    return entry;
  }

  /** Retire the device on a local date (`YYYY-MM-DD`); it drops out of queries unless `includeRetired`. */
  retire(id: string, retiredAt: string): RegistryEntry {
    return this.update(id, { retiredAt });
  }

  /** One entry, if registered. */
  get(id: string): Readonly<RegistryEntry> | undefined {
    return this.#entries.get(id);
  }

  /** Number of devices registered. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Update live state from an event of this tenant: any event is a sign of life (except the
   * pipeline's own device_offline raise); device_offline raised/resolved opens/closes the offline
   * state; battery_low and `device.batteryPercent` feed the battery history. Events of unknown
   * devices are ignored (returns false).
   */
  observe(event: WelfareEvent): boolean {
    if (event.tenant !== this.#tenant) return false;
    const entry = this.#entries.get(event.data.device.id);
    if (!entry) return false;
    const d = event.data;
    const at = event.recordedtime;
    if (d.kind === 'device_offline') {
      if (d.lifecycle === 'raised' || d.lifecycle === 'updated') entry.offlineSince ??= event.time;
      else if (d.lifecycle === 'resolved') delete entry.offlineSince;
      return true;
    }
    this.#seen(entry, at);
    delete entry.offlineSince;
    const reading: BatteryReading = { at };
    if (d.device.batteryPercent !== undefined) {
      entry.batteryPercent = d.device.batteryPercent;
      reading.percent = d.device.batteryPercent;
    }
    if (d.kind === 'battery_low' || d.kind === 'battery_empty') {
      entry.batteryLow = d.lifecycle !== 'resolved';
      reading.low = entry.batteryLow;
    }
    if (reading.percent !== undefined || reading.low !== undefined) push(entry.batteryHistory, reading, this.#historyLimit);
    return true;
  }

  /** Devices matching every condition of the query, sorted by id. */
  query(q: DeviceQuery = {}): RegistryEntry[] {
    const now = (q.now ?? new Date()).getTime();
    const today = (q.now ?? new Date()).toISOString().slice(0, 10);
    const out: RegistryEntry[] = [];
    for (const entry of this.#entries.values()) {
      const d = entry.device;
      if (!q.includeRetired && d.retiredAt !== undefined && d.retiredAt <= today) continue;
      if (q.unitId !== undefined && d.unitId !== q.unitId) continue;
      if (q.wardId !== undefined && d.wardId !== q.wardId) continue;
      if (q.type !== undefined && d.type !== q.type) continue;
      if (q.vendor !== undefined && d.vendor !== q.vendor) continue;
      if (q.residentId !== undefined && d.residentId !== q.residentId) continue;
      if (q.offline !== undefined && (entry.offlineSince !== undefined) !== q.offline) continue;
      if (q.neverSeen !== undefined && (entry.lastSeenAt === undefined) !== q.neverSeen) continue;
      if (q.silentForMoreThanHours !== undefined) {
        if (entry.lastSeenAt === undefined || now - Date.parse(entry.lastSeenAt) <= q.silentForMoreThanHours * 3_600_000) continue;
      }
      if (q.batteryBelow !== undefined && !(entry.batteryLow || (entry.batteryPercent !== undefined && entry.batteryPercent < q.batteryBelow))) continue;
      out.push(entry);
    }
    return out.sort((a, b) => (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : 0));
  }

  /**
   * "All devices offline for more than `hours` in unit X": devices with no sign of life for longer
   * than that at `now` (default now), in the unit if one is given.
   */
  offlineLongerThan(hours: number, where: { unitId?: string; wardId?: string; now?: Date } = {}): RegistryEntry[] {
    return this.query({ ...where, silentForMoreThanHours: hours });
  }

  #require(id: string): RegistryEntry {
    const entry = this.#entries.get(id);
    if (!entry) throw new RegistryError('DEVICE_UNKNOWN', `device ${id} is not registered`, { id });
    return entry;
  }

  #seen(entry: RegistryEntry, at: string): void {
    if (entry.lastSeenAt === undefined || Date.parse(at) > Date.parse(entry.lastSeenAt)) entry.lastSeenAt = at;
    const last = entry.seenHistory[entry.seenHistory.length - 1];
    if (last === undefined || Date.parse(at) - Date.parse(last) >= this.#seenResolutionMs) push(entry.seenHistory, at, this.#historyLimit);
  }
}

function push<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}
