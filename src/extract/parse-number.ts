/**
 * Reads a number written the Vietnamese way: "." groups thousands, "," marks decimals
 * ("33.100" → 33100, "110,4" → 110.4, "21.671,5" → 21671.5). Null when it is not one.
 *
 * @example parseNumber('7,5') // 7.5
 */
export function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/.test(s)) return null;
  const value = Number(s.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
