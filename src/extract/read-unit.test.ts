import { describe, expect, it } from 'vitest';
import { readUnit } from './read-unit.js';

describe('readUnit', () => {
  it('reads "%" right after a number', () => {
    expect(readUnit('% so với cùng kỳ')?.unit).toBe('%');
  });
  it('keeps scale words with their base: "tỷ đồng", "nghìn tỷ đồng", "vạn lao động", "triệu USD"', () => {
    expect(readUnit(' tỷ đồng, tăng')?.unit).toBe('tỷ đồng');
    expect(readUnit(' nghìn tỷ đồng và')?.unit).toBe('nghìn tỷ đồng');
    expect(readUnit(' vạn lao động.')?.unit).toBe('vạn lao động');
    expect(readUnit(' triệu USD (tăng')?.unit).toBe('triệu USD');
  });
  it('reads count nouns of several syllables: "cụm công nghiệp", "học sinh"', () => {
    expect(readUnit(' cụm công nghiệp đã có')?.unit).toBe('cụm công nghiệp');
    expect(readUnit(' học sinh, cấp')?.unit).toBe('học sinh');
  });
  it('reads a per-part: "triệu đồng/người", "giường bệnh/1 vạn dân", "bé trai/100 bé gái", "lần/quý"', () => {
    expect(readUnit(' triệu đồng/người.')?.unit).toBe('triệu đồng/người');
    expect(readUnit(' giường bệnh/1 vạn dân.')?.unit).toBe('giường bệnh/1 vạn dân');
    expect(readUnit(' bé trai/100 bé gái.')?.unit).toBe('bé trai/100 bé gái');
    expect(readUnit(' lần/quý.')?.unit).toBe('lần/quý');
  });
  it('gives no unit for time spans and grammar words ("02 năm", "6 tháng", "3 đột phá")', () => {
    expect(readUnit(' năm triển khai')).toBeNull();
    expect(readUnit(' tháng đầu năm')).toBeNull();
    expect(readUnit(' đột phá chiến lược')).toBeNull();
  });
  it('gives no unit to a number followed by a proper name or a quote', () => {
    expect(readUnit(' Hưng Yên')).toBeNull();
    expect(readUnit(' “Chống”')).toBeNull();
  });
});
