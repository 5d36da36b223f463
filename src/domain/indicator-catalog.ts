import { fold } from './fold.js';
import { scaledUnit } from './units.js';
import type { Direction } from './attainment.js';

/**
 * The indicators provincial directives set targets for year after year, with the words each
 * is written in. A quantity whose indicator text and unit fit an entry is linked to it on
 * import (the reviewer can change the link); others stay unlinked for the reviewer to map.
 */
export interface CatalogEntry {
  readonly key: string;
  readonly name: string;
  /** The unit values are kept in (after scale words). */
  readonly unit: string;
  readonly direction: Direction;
  readonly category: string;
  /** Folded phrases; one must occur in the indicator text. */
  readonly anyOf: readonly string[];
  /** Folded phrases that rule the entry out. */
  readonly noneOf?: readonly string[];
  /** Base unit (after scale words) the value must have: "%", "dong", "usd"... */
  readonly unitBase: readonly string[];
}

const PER_CAPITA = ['dau nguoi', 'binh quan', 'nguoi'];

export const INDICATOR_CATALOG: readonly CatalogEntry[] = [
  {
    key: 'grdp-growth',
    name: 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)',
    unit: '%',
    direction: 'higher',
    category: 'Kinh tế',
    anyOf: ['grdp', 'tong san pham tren dia ban', 'tong san pham', 'tang truong kinh te'],
    noneOf: [...PER_CAPITA, 'ca nuoc', 'co cau', 'ty trong'],
    unitBase: ['%'],
  },
  {
    key: 'grdp-per-capita',
    name: 'GRDP bình quân đầu người',
    unit: 'triệu đồng',
    direction: 'higher',
    category: 'Kinh tế',
    anyOf: [
      'grdp dau nguoi',
      'grdp binh quan',
      'grdp nguoi',
      'tong san pham binh quan dau nguoi',
      'san pham binh quan dau nguoi',
    ],
    unitBase: ['dong', 'dong nguoi', 'usd', 'usd nguoi'],
  },
  {
    key: 'export-turnover',
    name: 'Kim ngạch xuất khẩu',
    unit: 'tỷ USD',
    direction: 'higher',
    category: 'Kinh tế',
    anyOf: ['kim ngach xuat khau', 'xuat khau'],
    noneOf: ['nhap khau'],
    unitBase: ['usd'],
  },
  {
    key: 'budget-revenue',
    name: 'Thu ngân sách nhà nước trên địa bàn',
    unit: 'tỷ đồng',
    direction: 'higher',
    category: 'Tài chính',
    anyOf: ['thu ngan sach', 'tong thu ngan sach'],
    unitBase: ['dong'],
  },
  {
    key: 'poverty-rate',
    name: 'Tỷ lệ hộ nghèo',
    unit: '%',
    direction: 'lower',
    category: 'Xã hội',
    anyOf: ['ty le ho ngheo', 'ho ngheo'],
    noneOf: ['can ngheo'],
    unitBase: ['%'],
  },
  {
    key: 'urbanisation-rate',
    name: 'Tỷ lệ đô thị hóa',
    unit: '%',
    direction: 'higher',
    category: 'Đô thị',
    anyOf: ['do thi hoa'],
    unitBase: ['%'],
  },
  {
    key: 'investment-total',
    name: 'Tổng vốn đầu tư phát triển toàn xã hội',
    unit: 'tỷ đồng',
    direction: 'higher',
    category: 'Kinh tế',
    anyOf: ['von dau tu phat trien toan xa hoi', 'von dau tu toan xa hoi'],
    unitBase: ['dong', '%'],
  },
  {
    key: 'unemployment-urban',
    name: 'Tỷ lệ thất nghiệp khu vực thành thị',
    unit: '%',
    direction: 'lower',
    category: 'Lao động',
    anyOf: ['that nghiep'],
    unitBase: ['%'],
  },
  {
    key: 'trained-labour',
    name: 'Tỷ lệ lao động qua đào tạo',
    unit: '%',
    direction: 'higher',
    category: 'Lao động',
    anyOf: ['lao dong qua dao tao'],
    noneOf: ['bang cap', 'chung chi'],
    unitBase: ['%'],
  },
  {
    key: 'health-insurance',
    name: 'Tỷ lệ dân số tham gia bảo hiểm y tế',
    unit: '%',
    direction: 'higher',
    category: 'Xã hội',
    anyOf: ['bao hiem y te'],
    unitBase: ['%'],
  },
];

/** "tỷ đồng" → "dong"; "triệu đồng/người" → "dong nguoi"; "%" → "%". */
function unitBase(unit: string): string {
  const [numerator = '', ...per] = unit.split('/');
  const base = fold(scaledUnit(numerator).base);
  return per.length > 0 ? `${base} ${fold(per.join(' '))}`.trim() : base;
}

/** The catalog entry an extracted quantity is about, or null. */
export function catalogEntryFor(indicatorText: string, unit: string): CatalogEntry | null {
  const text = ` ${fold(indicatorText)} `;
  const base = unit.trim() === '%' ? '%' : unitBase(unit);
  for (const entry of INDICATOR_CATALOG) {
    if (!entry.unitBase.includes(base)) continue;
    if (!entry.anyOf.some((p) => text.includes(` ${p} `))) continue;
    if (entry.noneOf?.some((p) => text.includes(` ${p} `))) continue;
    return entry;
  }
  return null;
}
