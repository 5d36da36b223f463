import { describe, expect, it } from 'vitest';
import { fold, foldName } from './fold.js';
import { suggestUnits } from './match-unit.js';

const units = [
  { id: 1, name: 'Ủy ban nhân dân tỉnh', aliases: ['UBND tỉnh'] },
  { id: 2, name: 'Sở Tài chính', aliases: ['STC'] },
  { id: 3, name: 'Ban Tổ chức Tỉnh ủy', aliases: [] },
  { id: 4, name: 'Văn phòng Tỉnh ủy', aliases: [] },
  { id: 5, name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', aliases: [] },
  { id: 6, name: 'Sở Kế hoạch và Đầu tư', aliases: [] },
];

describe('diacritics-insensitive folding', () => {
  it('drops marks, case and punctuation, and spells đ as d', () => {
    expect(fold('Ủy ban Nhân dân tỉnh Hưng Yên')).toBe('uy ban nhan dan tinh hung yen');
    expect(fold('Đảng ủy UBND tỉnh')).toBe('dang uy ubnd tinh');
  });

  it('spells out the abbreviations offices use', () => {
    expect(foldName('UBND tỉnh')).toBe(foldName('Ủy ban nhân dân tỉnh'));
    expect(foldName('Thường trực HĐND tỉnh')).toBe('thuong truc hoi dong nhan dan tinh');
    expect(foldName('đầu tư')).toBe('dau tu');
  });
});

describe('suggesting the unit a name means', () => {
  it('finds a unit by its name written without diacritics or with an abbreviation', () => {
    expect(suggestUnits('so tai chinh', units)[0]).toMatchObject({ unitId: 2, score: 1 });
    expect(suggestUnits('UBND tỉnh', units)[0]).toMatchObject({ unitId: 1, score: 1 });
    expect(suggestUnits('STC', units)[0]).toMatchObject({ unitId: 2 });
    expect(suggestUnits('Ủy ban MTTQ Việt Nam tỉnh', units)[0]).toMatchObject({ unitId: 5, score: 1 });
  });

  it('ranks close names and gives nothing for unrelated ones', () => {
    expect(suggestUnits('Ban Tổ chức Tỉnh ủy Hưng Yên', units)[0]?.unitId).toBe(3);
    expect(suggestUnits('Công an tỉnh', units)).toEqual([]);
    expect(suggestUnits('Các cấp ủy, tổ chức đảng', units)).toEqual([]);
    expect(suggestUnits('', units)).toEqual([]);
  });
});
