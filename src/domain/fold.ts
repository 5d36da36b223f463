/**
 * Folding for matching and search that ignores diacritics: lower case, no tone or vowel marks,
 * đ → d, every run of other characters one space. "Ủy ban Nhân dân" → "uy ban nhan dan".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Abbreviations offices write for the bodies of a province, folded. */
const ABBREVIATIONS: readonly (readonly [short: string, long: string])[] = [
  ['ubnd', 'uy ban nhan dan'],
  ['hdnd', 'hoi dong nhan dan'],
  ['mttq', 'mat tran to quoc'],
  ['ub mttq', 'uy ban mat tran to quoc'],
  ['btv', 'ban thuong vu'],
  ['bch', 'ban chap hanh'],
  ['vp', 'van phong'],
  ['stc', 'so tai chinh'],
  ['skhdt', 'so ke hoach va dau tu'],
  ['tp', 'thanh pho'],
];

/** Folds and spells out abbreviations, so "UBND tỉnh" and "Ủy ban nhân dân tỉnh" compare equal. */
export function foldName(text: string): string {
  let folded = ` ${fold(text)} `;
  for (const [short, long] of ABBREVIATIONS) folded = folded.replaceAll(` ${short} `, ` ${long} `);
  return folded.trim();
}
