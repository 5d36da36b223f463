/**
 * TCVN3 (ABC), the 8-bit font encoding of ".VnTime" documents: each Vietnamese letter is
 * drawn by the font from a Latin-1 code point, so read as Unicode "Cộng hòa" shows as
 * "Céng hßa". Only lowercase and the plain capitals have codes; toned capitals were set in
 * a separate capital font (".VnTimeH") on the lowercase codes, which is why such text is
 * refused rather than converted: the case of those letters cannot be known.
 */
const TCVN3_CODES = '¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ';
const UNICODE_LETTERS = 'ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';

const TCVN3_LETTERS = new Map(Array.from(TCVN3_CODES, (code, i) => [code, UNICODE_LETTERS.charAt(i)]));

/** Text as a TCVN3 font would draw it; used to recognise such text, not to convert it. */
export function decodeTcvn3(text: string): string {
  return text.replace(/[\u00a1-\u00fe]/g, (ch) => TCVN3_LETTERS.get(ch) ?? ch);
}
