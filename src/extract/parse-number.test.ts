import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.js';

describe('parseNumber', () => {
  it('reads "." as the thousands separator: "33.100" is 33100', () => {
    expect(parseNumber('33.100')).toBe(33100);
  });
  it('reads "," as the decimal mark: "110,4" is 110.4', () => {
    expect(parseNumber('110,4')).toBe(110.4);
  });
  it('reads both together: "21.671,5" is 21671.5', () => {
    expect(parseNumber('21.671,5')).toBe(21671.5);
  });
  it('reads leading zeros of counts: "05" is 5', () => {
    expect(parseNumber('05')).toBe(5);
  });
  it('refuses what is not a Vietnamese number ("1.2.3", "3.12", "abc")', () => {
    expect(parseNumber('1.2.3')).toBeNull();
    expect(parseNumber('3.12')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});
