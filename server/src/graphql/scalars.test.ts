import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateTimeISO, isoString } from './scalars.js';

describe('DateTimeISO', () => {
  it('prints every instant exactly as Date.prototype.toISOString', () => {
    fc.assert(fc.property(fc.date({ noInvalidDate: true }), (date) => isoString(date) === date.toISOString()), { numRuns: 20_000 });
    for (const ms of [0, -1, 253402300799999, 253402300800000, -30610224000000, -30610224000001]) expect(isoString(new Date(ms))).toBe(new Date(ms).toISOString());
  });

  it('serializes Dates and epoch milliseconds alike, and refuses what is not a time', () => {
    const date = new Date('2026-12-03T09:41:07.045Z');
    expect(DateTimeISO.serialize(date)).toBe('2026-12-03T09:41:07.045Z');
    expect(DateTimeISO.serialize(date.getTime())).toBe('2026-12-03T09:41:07.045Z');
    expect(() => DateTimeISO.serialize('yesterday')).toThrow();
    expect(() => DateTimeISO.serialize(new Date(Number.NaN))).toThrow();
  });
});
