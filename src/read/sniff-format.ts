/** What a file really is, from its first bytes (extensions lie: a PDF saved as .txt is common). */
export type Sniffed = 'pdf' | 'zip' | 'ole' | 'rtf' | 'image' | 'archive' | 'text';

const SIGNATURES: ReadonlyArray<readonly [Sniffed, readonly number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // an empty zip
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // .doc, .xls, password-protected .docx
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
  ['image', [0x89, 0x50, 0x4e, 0x47]], // PNG
  ['image', [0xff, 0xd8, 0xff]], // JPEG
  ['image', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['image', [0x49, 0x49, 0x2a, 0x00]], // TIFF, little-endian
  ['image', [0x4d, 0x4d, 0x00, 0x2a]], // TIFF, big-endian
  ['archive', [0x1f, 0x8b]], // gzip
  ['archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]], // Rar!
  ['archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
];

/** Sniffs a file's format from its first bytes; anything unrecognised is a text candidate. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  for (const [format, signature] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return format;
  }
  return 'text';
}
