/** Small helpers for reading Vietnamese words; shared by the passes. */

/** Lowercase, diacritics removed, đ → d: for comparing words, never for output. */
export function foldDiacritics(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** The syllables of a text, folded (see foldDiacritics). */
export function foldedWords(s: string): string[] {
  const f = foldDiacritics(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return f ? f.split(' ') : [];
}

/** Whether a string starts with an uppercase letter. */
export function startsUpper(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}
