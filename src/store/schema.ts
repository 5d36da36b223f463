import type { ColumnType, Generated } from 'kysely';

/** Row types of the database, shared by SQLite and PostgreSQL (see migrations/). */

type Id = Generated<number>;
/** ISO timestamps and days are stored as text in both dialects, so they compare the same. */
type Timestamp = string;

export type Role = 'admin' | 'office' | 'member' | 'viewer';
export type DirectiveStatus = 'draft' | 'confirmed';
export type ItemKind = 'target' | 'result';

export interface UnitTable {
  id: Id;
  name: string;
  /** Lower case, no diacritics, đ → d: what matching and search compare. */
  name_folded: string;
  /** Short forms users write: "STC", "VP Tỉnh ủy"; JSON array of strings. */
  aliases: string;
  kind: string;
  parent_id: number | null;
  created_at: Timestamp;
  /** Where reminders are emailed, when SMTP is configured. */
  email: Generated<string | null>;
}

export interface UserTable {
  id: Id;
  username: string;
  password_hash: string;
  role: Role;
  unit_id: number | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface DirectiveTable {
  id: Id;
  number: string | null;
  /** Number folded for uniqueness and citation lookup ("412/NQ-HĐND" → "412/nq-hdnd"). */
  number_key: string | null;
  type: string;
  issuer: string | null;
  issued_on: string | null;
  title: string | null;
  signer: string | null;
  status: DirectiveStatus;
  file_name: string;
  file_type: string;
  /** The uploaded file as received, kept for audit. */
  file_data: ColumnType<Buffer, Buffer, Buffer>;
  source_text: string;
  warnings: string;
  created_by: number | null;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  version: number;
  search_folded: Generated<string>;
}

export interface CitationTable {
  id: Id;
  directive_id: number;
  cited_number: string;
  cited_key: string;
  cited_on: string | null;
  span_start: number;
  span_end: number;
}

export interface IndicatorTable {
  id: Id;
  name: string;
  name_folded: string;
  unit: string;
  direction: 'higher' | 'lower';
  category: string | null;
  created_at: Timestamp;
  /** Set when merged into another indicator: its values now belong there. */
  merged_into_id: Generated<number | null>;
}

export interface IndicatorAliasTable {
  id: Id;
  indicator_id: number;
  alias: string;
  alias_folded: string;
}

/** A target (chỉ tiêu kế hoạch) or a result (observation) read from a directive, or entered. */
export interface QuantityTable {
  id: Id;
  directive_id: number | null;
  kind: ItemKind;
  indicator_id: number | null;
  indicator_text: string;
  op: string;
  lo: number | null;
  hi: number | null;
  /** The value exactly as written ("7,5-8"), so no decimal is ever lost to float rounding. */
  raw: string;
  unit: string;
  period: string | null;
  scope: string | null;
  text: string;
  span_start: number | null;
  span_end: number | null;
  /** The target a later directive adjusted (the original stays; this one replaces it). */
  adjusts_id: number | null;
  /** The unit whose territory an observation covers (a commune's own figure); null = whole province. */
  scope_unit_id: Generated<number | null>;
  /** The unit report an observation came from. */
  report_id: Generated<number | null>;
  created_at: Timestamp;
  version: number;
}

export interface TaskTable {
  id: Id;
  directive_id: number;
  section: string;
  text: string;
  lead_text: string | null;
  lead_unit_id: number | null;
  deadline: string | null;
  deadline_text: string | null;
  /** The unit's claim: none, claimed done (awaiting the office), or returned with a reason. */
  claim: 'none' | 'claimed' | 'returned';
  claimed_at: Timestamp | null;
  completed_at: string | null;
  progress: number;
  note: string | null;
  span_start: number | null;
  span_end: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /** Folded text and lead name, for search that ignores diacritics. */
  search_folded: Generated<string>;
}

export interface TaskSupportTable {
  id: Id;
  task_id: number;
  name: string;
  unit_id: number | null;
}

export interface TaskUpdateTable {
  id: Id;
  task_id: number;
  user_id: number | null;
  at: Timestamp;
  /** progress | claim | confirm | return | edit */
  kind: string;
  progress: number | null;
  note: string | null;
}

export interface AuditTable {
  id: Id;
  at: Timestamp;
  user_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before: string | null;
  after: string | null;
}

export interface ReportRegimeTable {
  id: Id;
  name: string;
  /** JSON: which tasks (led, or led and supported) and which indicators the report covers. */
  content: string;
  frequency: 'month' | 'quarter' | 'half' | 'year';
  receiver_unit_id: number | null;
  /** Data are as of this many days before the period's end (0: the last day). */
  cutoff_days_before_end: number;
  /** The report is due this many days after the period's end. */
  submit_days_after_end: number;
  /** The outline the narrative follows. */
  template: string;
  /** Reports are owed for periods from the one containing this day. */
  starts_on: string;
  created_at: Timestamp;
}

export interface RegimeUnitTable {
  regime_id: number;
  unit_id: number;
}

export interface ReportTable {
  id: Id;
  regime_id: number;
  unit_id: number;
  period: string;
  status: 'draft' | 'submitted' | 'returned';
  /** JSON ReportContent: task entries, indicator values, difficulties, recommendations. */
  content: string;
  first_submitted_at: Timestamp | null;
  submitted_at: Timestamp | null;
  return_reason: string | null;
  updated_at: Timestamp;
  version: number;
}

export interface ReportVersionTable {
  id: Id;
  report_id: number;
  number: number;
  content: string;
  submitted_at: Timestamp;
  submitted_by: number | null;
  returned_at: Timestamp | null;
  return_reason: string | null;
}

export interface NotificationTable {
  id: Id;
  unit_id: number;
  /** day|unit|kind|item: the same reminder is never written twice. */
  key: string;
  day: string;
  kind: string;
  item: string;
  message: string;
  created_at: Timestamp;
  emailed_at: Timestamp | null;
  read_at: Timestamp | null;
}

export interface ExplanationTable {
  id: Id;
  indicator_id: number;
  period: string;
  unit_id: number;
  question: string;
  asked_by: number | null;
  asked_at: Timestamp;
  answer: string | null;
  answered_by: number | null;
  answered_at: Timestamp | null;
}

export interface Database {
  explanations: ExplanationTable;
  report_regimes: ReportRegimeTable;
  regime_units: RegimeUnitTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  notifications: NotificationTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  directives: DirectiveTable;
  citations: CitationTable;
  indicators: IndicatorTable;
  indicator_aliases: IndicatorAliasTable;
  quantities: QuantityTable;
  tasks: TaskTable;
  task_support: TaskSupportTable;
  task_updates: TaskUpdateTable;
  audit_log: AuditTable;
}
