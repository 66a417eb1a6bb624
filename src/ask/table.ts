/** The table an answer is given as. */

export interface Column {
  key: string;
  label: string;
}

/** One row of an answer table: the columns' values plus `documentId` and `passageId` (the citation). */
export type AnswerRow = Record<string, string | number | boolean | null>;

export interface Answer {
  columns: Column[];
  rows: AnswerRow[];
}
