import type { GraphReader } from '../../graph/reader.ts';
import { numberKey } from '../../core/vocab/docnumber.ts';
import { fold } from '../../core/text/normalize.ts';
import type { SearchHit, SearchService } from '../search/service.ts';
import type { AnalysisReader } from '../../graph/analysis-reader.ts';
import { questionTaskFilter, tasksAcrossLineage, type Notice } from './agency-answer.ts';
import { readableCitation, type ReadableCitation } from './citations.ts';
import { understand, type Intent, type QuestionEntities } from './intent.ts';
import type { Answer, AnswerRow, Column } from './table.ts';
import type { TaskRow } from '../../graph/rows.ts';
import { targetsAnswer } from './targets.ts';

export type { Answer, AnswerRow, Column } from './table.ts';

export interface Citation {
  passageId: string;
  documentId: string;
  text: string;
}

export interface AskResponse {
  question: string;
  intent: Intent;
  entities: QuestionEntities;
  answer: Answer;
  citations: (Citation | ReadableCitation)[];
  results: SearchHit[];
  /** True when no passage matches the question meaningfully (`results` are then only the least distant). */
  noMatch: boolean;
  /** Why the answer is empty or wider than asked (predecessors' tasks), for the page to say. */
  notice: Notice | null;
}

export interface AskOptions {
  /** Include tasks of predecessors across the 2025 reorganisation. */
  lineage?: boolean;
  /** Lineage and readable citations need it; without it answers are as before. */
  analysis?: AnalysisReader;
}

const PLAN: Column = { key: 'plan', label: 'Văn bản / Plan' };
const LOCALITY: Column = { key: 'locality', label: 'Địa phương / Locality' };
const TASK_COLUMNS: Column[] = [
  PLAN,
  LOCALITY,
  { key: 'task', label: 'Nhiệm vụ / Task' },
  { key: 'lead', label: 'Chủ trì / Lead' },
  { key: 'coordinating', label: 'Phối hợp / Coordinating' },
  { key: 'deadline', label: 'Thời hạn / Deadline' },
  { key: 'product', label: 'Sản phẩm / Product' },
];

/**
 * `/api/ask`: understands the question by rules, answers it from the graph as a table in which every
 * row cites its source passage, and always adds plain search results (the fallback intent's answer).
 */
export async function ask(
  question: string,
  reader: GraphReader,
  search: SearchService,
  opts: AskOptions = {},
): Promise<AskResponse> {
  const { intent, entities } = understand(question);
  const filters = entities.locality ? { locality: fold(entities.locality) } : {};
  const { results, noMatch } = await search.search(question, 10, filters, 'hybrid', () => entities);
  let answer = await answerFor(intent, entities, reader);
  let notice: Notice | null = null;
  if (opts.analysis && (intent === 'tasks_by_agency' || intent === 'tasks_by_field')) {
    const r = await tasksAcrossLineage(
      intent,
      entities,
      answer,
      opts.analysis,
      reader,
      opts.lineage === true,
      taskRow,
    );
    answer = r.answer;
    notice = r.notice;
  } else if (intent !== 'search' && answer.rows.length === 0) notice = { code: 'NO_ANSWER', params: {} };
  const cited = answer.rows.flatMap((r) =>
    typeof r.passageId === 'string' ? [{ passageId: r.passageId, documentId: String(r.documentId) }] : [],
  );
  const texts = new Map(
    (await search.passages([...new Set(cited.map((r) => r.passageId))])).map((p) => [p.id, p.text]),
  );
  const citations = cited.flatMap(({ passageId, documentId }) => {
    const text = texts.get(passageId);
    return text !== undefined ? [{ passageId, documentId, text }] : [];
  });
  const unique = dedupe(citations);
  const analysis = opts.analysis;
  const readable = analysis ? await Promise.all(unique.map((c) => readableCitation(c, analysis))) : unique;
  return { question, intent, entities, answer, citations: readable, results, noMatch, notice };
}

async function answerFor(intent: Intent, e: QuestionEntities, reader: GraphReader): Promise<Answer> {
  switch (intent) {
    case 'implements':
      return implementsAnswer(e, reader);
    case 'tasks_by_field':
    case 'tasks_by_agency':
      return tasksAnswer(e, reader, intent);
    case 'targets_compare':
      return targetsAnswer(e, reader);
    default:
      return { columns: [], rows: [] };
  }
}

async function implementsAnswer(e: QuestionEntities, reader: GraphReader): Promise<Answer> {
  const found = await reader.implementers(numberKey(e.number!));
  const rows = found
    .filter(({ doc }) => !e.locality || doc.locality === e.locality || doc.province === e.locality)
    .map(({ doc, how }) => ({
      plan: planLabel(doc),
      planTitle: doc.title,
      documentNumber: doc.number,
      documentTitle: doc.title,
      locality: doc.locality,
      type: doc.type,
      date: doc.date,
      via: how.via,
      implements: how.target,
      documentId: doc.id,
      passageId: how.passageId,
    }));
  const columns = [
    PLAN,
    LOCALITY,
    { key: 'date', label: 'Ngày / Date' },
    { key: 'via', label: 'Thông qua / Via' },
    { key: 'implements', label: 'Thực hiện / Implements' },
  ];
  return { columns, rows };
}

async function tasksAnswer(e: QuestionEntities, reader: GraphReader, intent: Intent): Promise<Answer> {
  const tasks = await reader.listTasks(questionTaskFilter(intent, e));
  const rows = tasks.map(taskRow);
  return { columns: TASK_COLUMNS, rows };
}

/** One task as an answer row, with what its citation needs (document number and title, page, row, section). */
function taskRow(t: TaskRow): AnswerRow {
  return {
    plan: planLabel({ number: t.documentNumber, title: t.documentTitle }),
    planTitle: t.documentTitle,
    locality: t.locality,
    task: t.title,
    lead: t.lead.join('; '),
    coordinating: t.coordinating.join('; '),
    deadline: t.deadline,
    product: t.product,
    row: t.row,
    page: t.page,
    section: t.section,
    documentNumber: t.documentNumber,
    documentTitle: t.documentTitle,
    documentId: t.documentId,
    passageId: t.passageId,
  };
}

function planLabel(doc: { number: string | null; title: string | null }): string {
  const title = doc.title ?? '';
  return doc.number ? `${doc.number} — ${title.slice(0, 120)}` : title.slice(0, 140);
}

function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(c.passageId) && seen.add(c.passageId));
}
