/**
 * VNI, the other 8-bit font encoding of old Vietnamese documents ("VNI-Times"): a toned
 * vowel is a plain vowel followed by a mark drawn from a Latin-1 code point, so read as
 * Unicode "Cộng hòa xã hội" shows as "Coäng hoøa xaõ hoäi".
 */
const AFTER_A_E_O: Readonly<Record<string, string>> = {
  â: '\u0302',
  à: '\u0302\u0300',
  á: '\u0302\u0301',
  å: '\u0302\u0309',
  ã: '\u0302\u0303',
  ä: '\u0302\u0323',
};
const AFTER_A: Readonly<Record<string, string>> = {
  ê: '\u0306',
  è: '\u0306\u0300',
  é: '\u0306\u0301',
  ú: '\u0306\u0309',
  ü: '\u0306\u0303',
  ë: '\u0306\u0323',
};
const LETTERS: Readonly<Record<string, string>> = { ô: 'ơ', ö: 'ư', ñ: 'đ', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };
const TONES: Readonly<Record<string, string>> = {
  ø: '\u0300',
  ù: '\u0301',
  û: '\u0309',
  õ: '\u0303',
  ï: '\u0323',
};

/** Lowercased text as a VNI font would draw it; used to recognise such text, not to convert it. */
export function decodeVni(text: string): string {
  return text
    .toLowerCase()
    .replace(/([aeo])([âàáåãä])/g, (_m, v: string, mark: string) => v + (AFTER_A_E_O[mark] ?? ''))
    .replace(/a([êèéúüë])/g, (_m, mark: string) => 'a' + (AFTER_A[mark] ?? ''))
    .replace(/[ôöñæóòî]/g, (ch) => LETTERS[ch] ?? ch)
    .replace(/([aeiouyơư])([øùûõï])/g, (_m, v: string, tone: string) => v + (TONES[tone] ?? ''))
    .normalize('NFC');
}
