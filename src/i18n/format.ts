/** Locale formatting shared by the CLI, reports and the web app: Vietnamese first, English available. */

export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/**
 * Formats a number the way the language writes it: `1.234,5` in Vietnamese, `1,234.5` in
 * English. Keeps up to `maxFractionDigits` decimals and never rounds an integer.
 */
export function formatNumber(value: number, lang: Lang = 'vi', maxFractionDigits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const [groupMark, decimalMark] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maxFractionDigits);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupMark);
  const trimmed = fraction.replace(/0+$/, '');
  const body = trimmed ? `${grouped}${decimalMark}${trimmed}` : grouped;
  return negative && body !== '0' ? `-${body}` : body;
}

/** `2024-03-07` → `07/03/2024` (both languages use day-first in Rõ); other text is returned as is. */
export function formatDate(iso: string | null, _lang: Lang = 'vi'): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** A period key (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-YYYY) in words. */
export function formatPeriod(period: string | null, lang: Lang = 'vi'): string {
  if (!period) return '';
  let m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return lang === 'vi' ? `Quý ${ROMAN_QUARTERS[Number(m[2]) - 1]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) {
    if (lang === 'en') return `H${m[2]} ${m[1]}`;
    return m[2] === '1' ? `6 tháng đầu năm ${m[1]}` : `6 tháng cuối năm ${m[1]}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[2]}/${m[1]}`;
  m = /^(\d{4})-(\d{4})$/.exec(period);
  if (m) return `${m[1]}–${m[2]}`;
  return period;
}
