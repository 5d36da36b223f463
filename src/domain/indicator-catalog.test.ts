import { describe, expect, it } from 'vitest';
import { catalogEntryFor } from './indicator-catalog.js';

const key = (text: string, unit: string) => catalogEntryFor(text, unit)?.key ?? null;

describe('linking extracted quantities to catalogued indicators', () => {
  it('recognises GRDP growth however a directive words it', () => {
    for (const text of [
      'Tổng sản phẩm trên địa bàn tính theo giá so sánh (GRDP) tăng',
      'Tổng sản phẩm (GRDP) tăng',
      'GRDP tăng',
      'Tốc độ tăng trưởng kinh tế (GRDP) phấn đấu',
      'Quyết tâm thực hiện mục tiêu tăng trưởng kinh tế năm 2025 của tỉnh Hưng Yên',
    ]) {
      expect(key(text, '%'), text).toBe('grdp-growth');
    }
  });

  it('tells GRDP per person apart from its growth, and the country’s growth from the province’s', () => {
    expect(key('GRDP đầu người', 'triệu đồng')).toBe('grdp-per-capita');
    expect(key('Tổng sản phẩm bình quân đầu người (GRDP/người)', 'triệu đồng')).toBe('grdp-per-capita');
    expect(key('GRDP bình quân', 'triệu đồng/người')).toBe('grdp-per-capita');
    expect(key('góp phần thực hiện mục tiêu tăng trưởng kinh tế của cả nước năm 2025', '%')).toBeNull();
  });

  it('needs the unit to fit', () => {
    expect(key('kim ngạch xuất khẩu', 'tỷ USD')).toBe('export-turnover');
    expect(key('kim ngạch xuất khẩu tăng', '%')).toBeNull();
    expect(key('tỷ lệ hộ nghèo', '%')).toBe('poverty-rate');
    expect(key('thu ngân sách nhà nước', 'tỷ đồng')).toBe('budget-revenue');
    expect(key('số hộ nghèo', 'hộ')).toBeNull();
  });
});
