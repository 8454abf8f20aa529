import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './connection.js';

describe('retryDelayMs', () => {
  it('doubles from 1 s up to the maximum', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((retries) => retryDelayMs(retries, 60_000, middle))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(retryDelayMs(10, 5_000, middle)).toBe(5000);
  });

  it('jitters by 30 % either way', () => {
    expect(retryDelayMs(0, 60_000, () => 0)).toBe(700);
    expect(retryDelayMs(0, 60_000, () => 1)).toBe(1300);
    expect(retryDelayMs(9, 60_000, () => 0)).toBe(42_000);
  });
});
