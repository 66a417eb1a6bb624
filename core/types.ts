import type { RelationType, ValidityStatus } from './vocab/relations.ts';

/**
 * Shared types of the ingest pipeline: parse → structure → extract → (graph write, chunk, embed, index).
 * Every stage takes and returns these; offsets are UTF-16 code-unit offsets into `ParsedDocument.text`
 * (the NFC-normalised text of the whole document).
 */

export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'docx' | 'html';

/** A file handed to the pipeline. */
export interface SourceFile {
  /** Path or upload name, used for provenance and format detection. */
  path: string;
  /** Base name, e.g. `000_953892a000611854.txt`. */
  name: string;
  bytes: Buffer;
}

/** A page of the original document as a character range of `ParsedDocument.text`. */
export interface PageSpan {
  /** 1-based page number. */
  page: number;
  start: number;
  end: number;
}

/** A table recovered by a parser (PDF ruled tables, DOCX, HTML), in the same model the extractor reads. */
export interface ParsedTable {
  /** Character range in `text` where the table was rendered (as pipe or tab rows). */
  start: number;
  end: number;
  rows: string[][];
  page?: number;
}

/** Output of the parse stage: one NFC-normalised text per document plus layout facts. */
export interface ParsedDocument {
  file: string;
  format: SourceFormat;
  /** NFC-normalised text; tables are rendered as Markdown pipe rows or tab-separated rows. */
  text: string;
  /** Page ranges when the format has pages (PDF); absent for plain text. */
  pages?: PageSpan[];
  tables?: ParsedTable[];
  /** Mean OCR confidence 0..100 when the text came from OCR. */
  ocrConfidence?: number;
  /** Non-fatal notes (e.g. "converted from TCVN3"). */
  warnings: string[];
}

/** A node of the section tree, following the document's own numbering (I., 1., a), -, +). */
export interface Section {
  /** Stable id within the document: `${documentId}:s${ordinal}`. */
  id: string;
  /** Numbering marker as written: "I", "1", "a", "-", "+", "Phụ lục", or null for the root/preamble. */
  marker: string | null;
  /** Heading text (without the marker). */
  heading: string;
  /** Depth in the tree, root = 0. */
  level: number;
  /** Headings from the top down to this section, e.g. ["III. NHIỆM VỤ, GIẢI PHÁP", "1. Công tác tuyên truyền"]. */
  path: string[];
  parentId: string | null;
  ordinal: number;
  start: number;
  end: number;
}

/** A retrieval unit: a contiguous span of one section, sized for retrieval. */
export interface Passage {
  /** `${documentId}:p${ordinal}` */
  id: string;
  sectionId: string;
  /** Section path joined with " › ". */
  sectionPath: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
  /** First page the passage starts on, when known. */
  page?: number;
  ocrConfidence?: number;
}

/** Output of the structure stage. */
export interface StructuredDocument {
  /** Content hash (sha256 hex of the source bytes, first 16 chars). */
  id: string;
  contentHash: string;
  parsed: ParsedDocument;
  sections: Section[];
  passages: Passage[];
}

/* ---------------------------------------------------------------- extraction ---------------------------------------------------------------- */

export type DocType =
  | 'Kế hoạch'
  | 'Chương trình'
  | 'Nghị quyết'
  | 'Quyết định'
  | 'Chỉ thị'
  | 'Kết luận'
  | 'Thông tư'
  | 'Thông tư liên tịch'
  | 'Nghị định'
  | 'Công văn'
  | 'Tờ trình'
  | 'Thông báo'
  | 'Công điện'
  | 'Luật'
  | 'Đề án'
  | 'Quy định'
  | 'Báo cáo';

/** Metadata of the ingested document itself. Unknown stays null. */
export interface DocumentMeta {
  type: DocType | null;
  /** As normalised, e.g. "255/KH-UBND", "219-CTr/TU". */
  number: string | null;
  issuer: string | null;
  /** Locality name as it appears in canonical form, e.g. "Hải Phòng", "Bình Thuận" (province or city). */
  locality: string | null;
  /** Province-level unit containing the locality. */
  province: string | null;
  /** ISO date (YYYY-MM-DD) or month (YYYY-MM) when only the month is known. */
  date: string | null;
  /** Person who signed, from the signature block. */
  signer: string | null;
  /** Office the signer signs in ("Phó Chủ tịch" for "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). */
  signerPosition: string | null;
  title: string | null;
  /** ISO date from "có hiệu lực (thi hành) (kể) từ ngày …"; the signing date for "kể từ ngày ký". */
  effectiveDate: string | null;
  /** Only what the document says of itself; the corpus-derived status is computed in the graph. */
  status: ValidityStatus | null;
}

/** Metadata with nothing known (every field null). */
export function emptyMeta(): DocumentMeta {
  return {
    type: null,
    number: null,
    issuer: null,
    locality: null,
    province: null,
    date: null,
    signer: null,
    signerPosition: null,
    title: null,
    effectiveDate: null,
    status: null,
  };
}

/** A mention of another legal document, resolved to one identity. */
export interface LegalReference {
  /** Canonical identity key, e.g. "36-NQ/TW", "189/NQ-CP", "50-CTr/TU@Hải Phòng" for local party numbers. */
  key: string;
  /** Number as normalised, e.g. "36-NQ/TW". */
  number: string;
  type: DocType | null;
  issuer: string | null;
  date: string | null;
  /** The strongest relation any mention states (see core/vocab/relations.ts). */
  relation: RelationType;
  /** The mention that states the relation, as written. */
  raw: string;
  /** The clause that states the relation ("Căn cứ Luật … số 72/2025/QH15"), at most ~300 characters. */
  evidence: string;
  /** REPEALS/AMENDS of a part only ("bãi bỏ khoản 1 Điều 3 Nghị quyết số …"). */
  partial: boolean;
  /**
   * Keys of documents this referenced document is described as implementing in the same text
   * ("Chương trình số 64-CTr/TU … thực hiện Nghị quyết số 36-NQ/TW"): the implementation chain.
   */
  implements: string[];
  start: number;
  passageId: string | null;
}

/** An agency resolved to its canonical name, scoped to a locality. */
export interface AgencyRef {
  /** Stable key: `${kind}@${locality ?? 'TW'}` for real agencies, `group:${slug}@${locality}` for placeholders. */
  key: string;
  /** Canonical name, e.g. "Sở Khoa học và Công nghệ". */
  name: string;
  /** Locality-independent kind slug, e.g. "so-y-te", "ubnd-tinh". */
  kind: string;
  locality: string | null;
  /** True for placeholders like "Các sở, ngành liên quan", "UBND các quận, huyện". */
  isGroup: boolean;
}

export interface FieldTag {
  slug: string;
}

export interface DeadlineNorm {
  kind: 'year' | 'range' | 'quarter' | 'date' | 'annual' | 'ongoing' | 'other';
  from?: number;
  to?: number;
  quarter?: number;
  text: string;
}

export interface Task {
  /** `${documentId}:t${ordinal}` */
  id: string;
  ordinal: number;
  title: string;
  /** Roman-numeral group of the appendix table, e.g. "III", or section heading for prose tasks. */
  group: string | null;
  lead: AgencyRef[];
  coordinating: AgencyRef[];
  deadline: string | null;
  deadlineNorm: DeadlineNorm | null;
  product: string | null;
  fields: string[];
  passageId: string | null;
  /** Table row label, e.g. "III.6", when the task came from a table. */
  row: string | null;
  start: number;
}

/** What a target's value measures: one of a closed list (GOLDEN-SPEC "What a target is"). */
export const TARGET_METRICS = [
  'tỷ trọng trong GRDP',
  'tỷ lệ',
  'tốc độ tăng trưởng',
  'chi cho R&D / GRDP',
  'số lượng',
  'giá trị',
  'diện tích',
  'xếp hạng',
  'mức giảm',
  'khác',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** ">=" (ít nhất, tối thiểu, trên), "<=" (dưới, tối đa, top N), "~" (khoảng), "=" otherwise. */
export type Comparator = '>=' | '<=' | '=' | '~';

export interface Target {
  /** `${documentId}:g${ordinal}` */
  id: string;
  ordinal: number;
  /** Short label as written, e.g. "Quy mô kinh tế số trong GRDP". */
  indicator: string;
  /**
   * What is measured, lower case: a canonical subject of the vocabulary ("kinh tế số", "công nghiệp sinh
   * học", "chi cho khoa học công nghệ") when the wording names one, else the noun phrase as written.
   */
  subject: string;
  metric: TargetMetric;
  /** The sentence or list item (or table row) the target was read from. */
  text: string;
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  unit: string | null;
  comparator: Comparator;
  /** Target year ("đến năm 2030"); null when only a period is stated. */
  year: number | null;
  /** "hằng năm" or a span such as "2026-2030"; null when only a year is stated. */
  period: string | null;
  /** Agency named to follow the target (indicator tables' monitoring column), canonical name. */
  responsibleAgency: string | null;
  /** A national (central) aim: stated by a central body or quoted as the country's target. */
  national: boolean;
  fields: string[];
  passageId: string | null;
  start: number;
}

/** Output of the extract stage. */
export interface Extraction {
  meta: DocumentMeta;
  references: LegalReference[];
  agencies: AgencyRef[];
  tasks: Task[];
  targets: Target[];
  /** Field slugs per section id. */
  sectionFields: Record<string, string[]>;
}

/** Source metadata from corpus/manifest.json; fills what the text lacks, never overrides extraction. */
export interface ManifestEntry {
  file: string;
  locality?: string;
  province?: string;
  format?: string;
  [key: string]: unknown;
}
