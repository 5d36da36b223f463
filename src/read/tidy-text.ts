/**
 * The form every reader returns: LF line ends, no byte-order mark, no NUL (PostgreSQL text
 * cannot hold one), and composed (NFC) letters so "ộ" is one character whatever the source.
 */
export function tidyText(text: string): string {
  return (
    text
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- NUL is the one character the store refuses
      .replace(/\u0000/g, '')
      .normalize('NFC')
  );
}
