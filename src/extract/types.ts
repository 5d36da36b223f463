/** The `ro.extract/v1` output of the extractor (see docs/extract-v1.md). */

/** Character offsets `[start, end)` into `ExtractResult.source.text`. */
export type Span = readonly [start: number, end: number];

export type DocumentType =
  | 'nghi_quyet'
  | 'ket_luan'
  | 'ke_hoach'
  | 'chi_thi'
  | 'quyet_dinh'
  | 'thong_bao'
  | 'bao_cao'
  | 'cong_van'
  | 'other';

export interface DocumentFields {
  readonly number: string | null;
  readonly type: DocumentType;
  readonly issuer: string | null;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string | null;
  readonly title: string | null;
  readonly signer: string | null;
}

export interface Reference {
  readonly number: string;
  /** ISO date `YYYY-MM-DD`, null when the citation gives none. */
  readonly date: string | null;
  readonly span: Span;
}

export type Op = 'eq' | 'about' | 'range' | 'gt' | 'gte' | 'lt' | 'lte';

export interface Quantity {
  readonly indicator: string;
  readonly op: Op;
  readonly lo: number | null;
  readonly hi: number | null;
  /** The value as written, e.g. "7,5-8" (exact decimal text kept for storage). */
  readonly raw: string;
  readonly unit: string;
  /** YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-YYYY; null when not pinned down. */
  readonly period: string | null;
  readonly scope: string | null;
  /** The clause it was read from, verbatim. */
  readonly text: string;
  /** Span of `text`. */
  readonly span: Span;
}

export interface Deadline {
  /** The last day allowed, `YYYY-MM-DD`; null when the phrase names no valid day. */
  readonly date: string | null;
  readonly text: string;
  readonly span: Span;
}

export interface Task {
  readonly text: string;
  readonly lead: string | null;
  readonly support: readonly string[];
  readonly deadline: Deadline | null;
  /** The numbering path of the item as printed, e.g. "IV.1", "2.3-bullet2". */
  readonly section: string;
  /** Present (true) only when the item says its deadline is already met. */
  readonly done?: true;
  readonly span: Span;
}

export type WarningCode =
  | 'empty-document'
  | 'impossible-date'
  | 'deadline-without-date'
  | 'number-without-unit'
  | 'no-tasks-found'
  | 'no-document-number'
  | 'no-issue-date'
  | 'text-truncated';

/** Something the extractor could not resolve, for a reviewer to look at. */
export interface ExtractWarning {
  readonly code: WarningCode;
  readonly message: string;
  readonly span: Span | null;
}

export interface ExtractResult {
  readonly schema: 'ro.extract/v1';
  readonly document: DocumentFields;
  readonly references: readonly Reference[];
  readonly targets: readonly Quantity[];
  readonly results: readonly Quantity[];
  readonly tasks: readonly Task[];
  readonly warnings: readonly ExtractWarning[];
  /** The normalised text every span points into. */
  readonly source: { readonly text: string };
}

export interface ExtractOptions {
  /** Upper bound on input characters; longer input is cut there with a warning. Default 20 000 000. */
  readonly maxChars?: number;
}
