/** What a file really is, from its first bytes (extensions lie: a PDF saved as .txt is common). */
export type Sniffed = 'pdf' | 'zip' | 'ole' | 'rtf' | 'text';

export function sniffFormat(head: Uint8Array): Sniffed {
  const starts = (bytes: readonly number[]): boolean => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts([0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  return 'text';
}
