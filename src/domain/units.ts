/**
 * Units of measure as written in directives: a scale word (nghìn, vạn, triệu, tỷ, nghìn tỷ)
 * in front of a base ("tỷ đồng" = 1e9 × "đồng"). Values in units with the same base compare
 * after scaling; "%" and per-population units ("bác sỹ/vạn dân") are their own bases.
 */

const SCALES: readonly (readonly [prefix: string, factor: number])[] = [
  ['nghìn tỷ', 1e12],
  ['ngàn tỷ', 1e12],
  ['triệu tỷ', 1e15],
  ['nghìn', 1e3],
  ['ngàn', 1e3],
  ['vạn', 1e4],
  ['triệu', 1e6],
  ['tỷ', 1e9],
  ['tỉ', 1e9],
];

export interface ScaledUnit {
  /** The unit without its scale word, lower case: "đồng", "usd", "%", "lao động". */
  readonly base: string;
  readonly factor: number;
}

export function scaledUnit(unit: string): ScaledUnit {
  const text = unit.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  // A per-population unit keeps its denominator's scale: "giường bệnh/1 vạn dân" is its own base.
  if (text.includes('/')) return { base: text, factor: 1 };
  for (const [prefix, factor] of SCALES) {
    if (text === prefix) return { base: '', factor };
    if (text.startsWith(prefix + ' ')) return { base: text.slice(prefix.length + 1), factor };
  }
  return { base: text, factor: 1 };
}

/** `value` in `from` expressed in `to`; null when the two units measure different things. */
export function convertValue(value: number, from: string, to: string): number | null {
  const a = scaledUnit(from);
  const b = scaledUnit(to);
  if (a.base !== b.base) return null;
  return (value * a.factor) / b.factor;
}
