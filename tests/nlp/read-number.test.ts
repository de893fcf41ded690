import { describe, expect, it } from 'vitest';
import { numberKey, readNumber } from '../../src/nlp/read-number.js';

describe('readNumber', () => {
  it('reads Indonesian and English thousands and decimals', () => {
    expect(readNumber('1.000', 'id')).toBe(1000);
    expect(readNumber('1,000', 'en')).toBe(1000);
    expect(readNumber('2,5', 'id')).toBe(2.5);
    expect(readNumber('3.75', 'en')).toBe(3.75);
    expect(readNumber('12.500.000', 'en')).toBe(12_500_000);
    expect(readNumber('1,234.5', 'id')).toBe(1234.5);
  });

  it('gives one key for one figure in either language', () => {
    expect(numberKey('2,5', 'id', 'triliun')).toBe(numberKey('2.5', 'en', 'trillion'));
    expect(numberKey('1.000', 'id')).toBe(numberKey('1,000', 'en'));
  });
});
