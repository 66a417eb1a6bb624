/**
 * A table's one agency column ("Cơ quan thực hiện", "Đơn vị thực hiện") may say in each cell who leads and
 * who coordinates: "Chủ trì: Sở Y tế; Phối hợp: Sở Tài chính", "Sở Y tế (chủ trì); Sở Tài chính, UBND cấp
 * xã", "Sở Y tế chủ trì, phối hợp với Sở Tài chính". The cell's lead and coordinating parts; a cell that
 * marks no roles is all lead.
 */
export interface CellRoles {
  lead: string;
  coordinating: string | null;
}

const LABELLED =
  /^(?:(?:Cơ quan|Đơn vị)\s+)?chủ trì\s*:\s*(.+?)\s*[;.,]?\s*(?:(?:Cơ quan|Đơn vị)\s+)?phối hợp\s*:\s*(.+)$/isu;
const LEAD_LABEL_ONLY = /^(?:(?:Cơ quan|Đơn vị)\s+)?chủ trì\s*:\s*(.+)$/isu;
const MARKED = /^(.+?)\s*\(\s*chủ trì\s*\)\s*[,;.]?\s*(.*)$/isu;
const VERB = /^(.+?)\s+chủ trì\s*[,;]?\s*(?:phối hợp(?:\s+với)?\s+(.+))?$/isu;

const tidy = (s: string | undefined): string | null => {
  const t = (s ?? '').replace(/\(\s*phối hợp\s*\)/giu, '').replace(/^[\s,;.]+|[\s,;.]+$/gu, '');
  return t === '' ? null : t;
};

export function cellRoles(cell: string): CellRoles {
  const c = cell.trim();
  const labelled = LABELLED.exec(c);
  if (labelled) return { lead: tidy(labelled[1])!, coordinating: tidy(labelled[2]) };
  const only = LEAD_LABEL_ONLY.exec(c);
  if (only) return { lead: tidy(only[1]) ?? '', coordinating: null };
  const marked = MARKED.exec(c);
  if (marked) return { lead: tidy(marked[1]) ?? '', coordinating: tidy(marked[2]) };
  const verb = VERB.exec(c);
  if (verb && !/[,;]/u.test(verb[1]!)) return { lead: tidy(verb[1]) ?? '', coordinating: tidy(verb[2]) };
  return { lead: c, coordinating: null };
}
