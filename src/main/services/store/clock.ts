/** Readings within one millisecond before the clock moves on by one. */
const MAX_COUNT = 9999;

/**
 * A hybrid logical clock of one device. A reading is a string that sorts as
 * it happened: 13 digits of milliseconds since 1970, a 4-digit counter for
 * readings within one millisecond, and the device id, e.g.
 * `1717171717171.0003.k3x9…`. Readings of one device only grow, and a reading
 * taken after `observe(other)` is greater than `other`, so a change made
 * after seeing another sorts after it on every computer.
 */
export class HybridClock {
  private last = '';

  constructor(private readonly device: string) {}

  /** A new reading, greater than every reading taken or observed before. */
  now(): string {
    const wall = Date.now();
    const [lastMs, lastCount] = parseClock(this.last);
    let next: string;
    if (wall > lastMs) next = formatClock(wall, 0, this.device);
    else if (lastCount < MAX_COUNT) next = formatClock(lastMs, lastCount + 1, this.device);
    else next = formatClock(lastMs + 1, 0, this.device);
    this.last = next;
    return next;
  }

  /** Takes note of a reading from elsewhere, so later readings sort after it. */
  observe(reading: string): void {
    if (reading > this.last) this.last = reading;
  }
}

/** A reading for data written before clocks existed: its updatedAt, sorting before any real reading of that millisecond. */
export function legacyClock(updatedAt: string): string {
  const ms = Date.parse(updatedAt);
  return formatClock(Number.isFinite(ms) ? ms : 0, 0, '');
}

/** When a reading was taken, in ms since 1970 (0 when it cannot be read). */
export function clockTime(reading: string): number {
  return parseClock(reading)[0];
}

/** The device that took a reading ('' for data older than clocks). */
export function clockDevice(reading: string): string {
  return reading.slice(19);
}

function formatClock(ms: number, count: number, device: string): string {
  return `${String(ms).padStart(13, '0')}.${String(count).padStart(4, '0')}.${device}`;
}

function parseClock(reading: string): [number, number] {
  const ms = Number(reading.slice(0, 13));
  const count = Number(reading.slice(14, 18));
  return [Number.isFinite(ms) ? ms : 0, Number.isFinite(count) ? count : 0];
}
