/**
 * Period pass: finds the reporting periods a text names — "năm 2024" → 2024, "6 tháng đầu
 * năm 2024" → 2024-H1, "quý I năm 2026" → 2026-Q1, "tháng 3/2025" → 2025-03, "giai đoạn
 * 2026 - 2030" → 2026-2030 — leaving out comparison bases ("so với cùng kỳ năm 2025") and
 * horizons that are not the period of a value ("tầm nhìn đến năm 2045", "nhiệm kỳ 2020-2025").
 */

export interface PeriodMention {
  /** YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-YYYY; null for a span with no form ("9 tháng"). */
  readonly period: string | null;
  readonly start: number;
  readonly end: number;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4 };

const PERIOD =
  /(?:(?<half>6 tháng (?<which>đầu|cuối)(?: năm)?|sáu tháng (?<which2>đầu|cuối)(?: năm)?)\s*(?<hy>(?:19|20)\d\d)?)|(?:quý\s+(?<q>IV|I{1,3}|[1-4])(?:\s*(?:năm|\/)\s*(?<qy>(?:19|20)\d\d))?)|(?:(?<cum>\d{1,2}) tháng(?: đầu)? năm)|(?:tháng\s+(?<m>\d{1,2})\s*(?:\/|năm)\s*(?<my>(?:19|20)\d\d))|(?:(?:giai đoạn|thời kỳ|kế hoạch \d+ năm)\s+(?<s1>(?:19|20)\d\d)\s*[-–]\s*(?<s2>(?:19|20)\d\d))|(?:năm\s+(?<y>(?:19|20)\d\d)(?!\s*[-–]\s*\d))/giu;

const NOT_A_PERIOD_BEFORE =
  /(?:so với(?: cùng kỳ)?|cùng kỳ|tầm nhìn(?: đến)?|nhiệm kỳ|khóa|từ|sau|trước|kể từ|cuối)\s*$/iu;

/** Every period named in `text`; `year` fills in a quarter or half named without one. */
export function readPeriods(text: string, year: number | null = null): PeriodMention[] {
  const out: PeriodMention[] = [];
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    const g = m.groups ?? {};
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    if (NOT_A_PERIOD_BEFORE.test(before)) continue;
    const start = m.index;
    const end = start + m[0].length;
    let period: string | null = null;
    if (g.half) {
      const y = g.hy ? Number(g.hy) : year;
      const which = (g.which ?? g.which2 ?? '').toLowerCase();
      period = y ? `${y}-H${which === 'đầu' ? 1 : 2}` : null;
      if (!y) continue;
    } else if (g.q) {
      const q = ROMAN[g.q.toUpperCase()] ?? Number(g.q);
      const y = g.qy ? Number(g.qy) : year;
      if (!y) continue;
      period = `${y}-Q${q}`;
    } else if (g.cum) {
      period = null;
    } else if (g.m) {
      const month = Number(g.m);
      if (month < 1 || month > 12) continue;
      period = `${g.my}-${String(month).padStart(2, '0')}`;
    } else if (g.s1 && g.s2) {
      period = `${g.s1}-${g.s2}`;
    } else if (g.y) {
      period = g.y;
    }
    out.push({ period, start, end });
  }
  return out;
}

/** The year a period lies in (the last year of a span). */
export function yearOfPeriod(period: string | null): number | null {
  if (!period) return null;
  const years = period.match(/(?:19|20)\d\d/g);
  return years ? Number(years.at(-1)) : null;
}
