import { decodeTcvn3 } from './tcvn3.js';
import { decodeVni } from './vni.js';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** The vowel groups a Vietnamese syllable can have, tone marks aside. */
const NUCLEI = [
  ...'iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu'.split(' '),
  ...'ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê'.split(' '),
  ...'a ă â e ê i o ô ơ u ư y'.split(' '),
];
const SYLLABLE = new RegExp(
  `^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:${NUCLEI.join('|')})(?:ch|nh|ng|[cmnpt])?$`,
  'u',
);

/** A written Vietnamese syllable with at most one tone and at least one diacritic ("cộng", "hòa"). */
function isMarkedSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  return (tones === 1 || /[ăâđêôơư]/u.test(base)) && SYLLABLE.test(base);
}

/** Large texts are judged on three 100 000-character slices: start, middle and end. */
function sample(text: string): string {
  const size = 100_000;
  if (text.length <= 3 * size) return text;
  const middle = Math.floor(text.length / 2 - size / 2);
  return [text.slice(0, size), text.slice(middle, middle + size), text.slice(-size)].join(' ');
}

/**
 * The share of words that are toned Vietnamese syllables: about 0.85 in Vietnamese prose,
 * under 0.05 in English, French or German, and low for Vietnamese decoded the wrong way.
 */
export function vietnameseScore(text: string): number {
  const words = sample(text)
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^\P{L}+|\P{L}+$/gu, ''))
    .filter((w) => w !== '');
  if (words.length === 0) return 0;
  return words.filter(isMarkedSyllable).length / words.length;
}

/** Whether text reads as Vietnamese; the bar sits far below real prose, which scores ~0.85. */
export function looksVietnamese(text: string): boolean {
  return vietnameseScore(text) >= 0.3;
}

export interface LegacyFont {
  readonly font: 'TCVN3' | 'VNI';
  /** How Vietnamese the text reads once drawn by that font. */
  readonly score: number;
}

/**
 * The legacy 8-bit font encoding (TCVN3 or VNI) text was typed in, judged on the text read as
 * Latin-1 code points; null unless the text becomes far more Vietnamese through one of the
 * fonts than it is as it stands. Some legacy words pass as Vietnamese by chance ("Céng" for
 * "Cộng"), hence a comparison rather than a zero; Unicode Vietnamese, at ~0.85, never loses it.
 */
export function legacyVietnameseFont(text: string): LegacyFont | null {
  const judged = sample(text);
  const own = vietnameseScore(judged);
  if (own >= 0.5) return null;
  const tcvn3 = vietnameseScore(decodeTcvn3(judged));
  const vni = vietnameseScore(decodeVni(judged));
  const best: LegacyFont = tcvn3 >= vni ? { font: 'TCVN3', score: tcvn3 } : { font: 'VNI', score: vni };
  return best.score >= 0.3 && best.score >= 2 * own + 0.1 ? best : null;
}
