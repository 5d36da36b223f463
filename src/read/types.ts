/** What a reader returns: the document's text or a clear reason it could not be read. */
export type ReadResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly format: DocumentFormat;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly error: ReadError };

export type DocumentFormat = 'txt' | 'md' | 'docx' | 'pdf';

export type ReadErrorCode =
  | 'not-found'
  | 'cannot-open'
  | 'not-a-file'
  | 'too-large'
  | 'unsupported-format'
  | 'unsupported-encoding'
  | 'binary-content'
  | 'corrupt-docx'
  | 'docx-too-large-uncompressed'
  | 'pdf-no-text-layer'
  | 'pdf-unreadable'
  | 'missing-system-tool';

export interface ReadError {
  readonly code: ReadErrorCode;
  /** What went wrong, where, and how to fix it — shown to the user as is. */
  readonly message: string;
}
