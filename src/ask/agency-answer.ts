import { fold } from '../../core/text/normalize.ts';
import type { AnalysisReader } from '../../graph/analysis-reader.ts';
import type { GraphReader, TaskFilter } from '../../graph/reader.ts';
import type { TaskRow } from '../../graph/rows.ts';
import type { Answer, AnswerRow, Column } from './table.ts';
import type { Intent, QuestionEntities } from './intent.ts';

/** The tasks a question asks for: by its field or agency kind, in its locality. */
export function questionTaskFilter(intent: Intent, e: QuestionEntities): TaskFilter {
  return {
    field: intent === 'tasks_by_field' ? e.field : null,
    agency: null,
    agencyKey: null,
    agencyKind: intent === 'tasks_by_agency' ? e.agencyKind : null,
    locality: e.locality ? fold(e.locality) : null,
    document: null,
    q: null,
    limit: 500,
  };
}

/** Why an answer is what it is, for the page to say in its language (`notice_<code>` strings). */
export interface Notice {
  code: 'NO_AGENCY_TASKS' | 'NO_LOCALITY_DOCS' | 'LINEAGE_USED' | 'NO_ANSWER';
  params: Record<string, string>;
}

const LINEAGE_COLUMNS: Column[] = [
  { key: 'assignedTo', label: 'Giao cho / Assigned to' },
  { key: 'now', label: 'Nay là / Now' },
];

const label = (a: { name: string; locality: string | null } | null): string | null =>
  a ? [a.name, a.locality].filter(Boolean).join(' ') : null;

/**
 * Task answers across the 2025 reorganisation: with `lineage` (or when the agency or locality as named
 * has no task of its own, e.g. "Sở Tài chính Lâm Đồng"), the tasks of its predecessors, each row saying
 * to whom it was assigned and who holds it now; when there is still nothing, why.
 */
export async function tasksAcrossLineage(
  intent: Intent,
  e: QuestionEntities,
  answer: Answer,
  analysis: AnalysisReader,
  reader: GraphReader,
  lineage: boolean,
  taskRow: (t: TaskRow) => AnswerRow,
): Promise<{ answer: Answer; notice: Notice | null }> {
  const agency = [e.agencyName, e.locality].filter(Boolean).join(' ');
  if (lineage || answer.rows.length === 0) {
    const tasks = await analysis.tasksWithLineage(questionTaskFilter(intent, e));
    if (tasks.length > 0) {
      const rows = tasks.map((t) => ({
        ...taskRow(t),
        assignedTo: label(t.assigned),
        now: label(t.now),
      }));
      const moved = rows.some((r) => r.now !== r.assignedTo);
      return {
        answer: { columns: [...answer.columns, ...LINEAGE_COLUMNS], rows },
        notice: moved && answer.rows.length === 0 ? { code: 'LINEAGE_USED', params: { agency } } : null,
      };
    }
  }
  if (answer.rows.length > 0) return { answer, notice: null };
  if (e.locality) {
    const docs = await reader.listDocuments({
      implements: null,
      basedOn: null,
      amends: null,
      replaces: null,
      repeals: null,
      guides: null,
      cites: null,
      transitive: false,
      locality: fold(e.locality),
      field: null,
      type: null,
    });
    if (docs.length === 0)
      return { answer, notice: { code: 'NO_LOCALITY_DOCS', params: { locality: e.locality } } };
  }
  return {
    answer,
    notice:
      intent === 'tasks_by_agency'
        ? { code: 'NO_AGENCY_TASKS', params: { agency } }
        : { code: 'NO_ANSWER', params: {} },
  };
}
