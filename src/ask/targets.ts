import type { GraphReader, TargetRow } from '../../graph/reader.ts';
import { fold } from '../../core/text/normalize.ts';
import { subjectExact } from '../../core/vocab/target-subjects.ts';
import type { QuestionEntities } from './intent.ts';

import type { Answer, AnswerRow, Column } from './table.ts';

export const TARGET_COLUMNS: Column[] = [
  { key: 'locality', label: 'Địa phương / Locality' },
  { key: 'plan', label: 'Văn bản / Plan' },
  { key: 'subject', label: 'Chỉ tiêu / Subject' },
  { key: 'metric', label: 'Thước đo / Metric' },
  { key: 'comparator', label: 'So sánh / Comparator' },
  { key: 'value', label: 'Giá trị / Value' },
  { key: 'unit', label: 'Đơn vị / Unit' },
  { key: 'year', label: 'Năm / Year' },
  { key: 'national', label: 'Toàn quốc / National' },
];

const NATIONAL_LABEL = 'Toàn quốc / National';

/**
 * A target comparison: the targets of the subject (and metric) the question names, one row per document
 * — per document and year when no year is asked, else the document's target for that year (or the
 * nearest one it sets) — each citing its passage. A national target is a row marked national. Without a
 * named subject or metric the question's indicator keyword filters the targets' wording.
 */
export async function targetsAnswer(e: QuestionEntities, reader: GraphReader): Promise<Answer> {
  const named = e.subject !== null || e.metric !== null;
  const targets = await reader.listTargets({
    field: named || e.indicator ? null : e.field,
    locality: e.locality ? fold(e.locality) : null,
    year: null,
    q: named ? null : e.indicator,
    subject: e.subject ? fold(e.subject) : null,
    subjectExact: e.subject ? subjectExact(e.subject) : null,
    metric: e.metric,
    document: null,
    limit: 1000,
  });
  const rows = onePerDocument(targets, e.year).map(toRow);
  rows.sort(
    (a, b) =>
      Number(b.national) - Number(a.national) ||
      String(a.locality).localeCompare(String(b.locality), 'vi') ||
      Number(a.year ?? 0) - Number(b.year ?? 0),
  );
  return { columns: TARGET_COLUMNS, rows };
}

function yearOf(t: TargetRow): number | null {
  if (t.year !== null) return t.year;
  const span = t.period !== null ? /(\d{4})$/.exec(t.period) : null;
  return span ? Number(span[1]) : null;
}

/** Keeps one target per document (and subject, metric), or per document and year when no year is asked. */
function onePerDocument(targets: readonly TargetRow[], year: number | null): TargetRow[] {
  const best = new Map<string, TargetRow>();
  for (const t of targets) {
    const group = JSON.stringify([
      t.documentId,
      t.subject,
      t.metric,
      year === null ? [t.year, t.period] : null,
    ]);
    const cur = best.get(group);
    const distance = (r: TargetRow): number => (year === null ? 0 : Math.abs((yearOf(r) ?? 9999) - year));
    if (!cur || distance(t) < distance(cur)) best.set(group, t);
  }
  return [...best.values()];
}

function toRow(t: TargetRow): AnswerRow {
  const national = t.national === true;
  return {
    locality: t.locality ?? (national ? NATIONAL_LABEL : null),
    plan: planLabel(t),
    subject: t.subject,
    metric: t.metric,
    indicator: t.indicator,
    comparator: t.comparator,
    value: t.value ?? range(t.valueMin, t.valueMax),
    valueMin: t.valueMin,
    valueMax: t.valueMax,
    unit: t.unit,
    year: t.year ?? t.period ?? null,
    period: t.period,
    national,
    documentId: t.documentId,
    passageId: t.passageId,
  };
}

function range(min: number | null, max: number | null): string | null {
  return min !== null && max !== null ? `${min}–${max}` : null;
}

export function planLabel(doc: { documentNumber: string | null; documentTitle: string | null }): string {
  const number = doc.documentNumber;
  const title = doc.documentTitle ?? '';
  return number ? `${number} — ${title.slice(0, 120)}` : title.slice(0, 140);
}
