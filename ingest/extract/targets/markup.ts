import type { StructuredDocument } from '../../../core/types.ts';

/**
 * Markdown escapes of a converted document ("1\. Đến năm 2030", "\- Tỉ lệ …", "R\&D"): the converter
 * escaped list markers and punctuation that would otherwise be read as markup. A line's numbering and its
 * figures are read from the text without them. The backslash moves after the escaped mark as a space, so
 * offsets (and the passages they point to) are unchanged.
 */
const ESCAPE = /\\([.\-+*_&#()[\]!>|`~])/gu;

/**
 * A page break a PDF conversion left in the text ("--- PAGE BREAK ---", a form feed) with the page number
 * printed after it: a sentence that runs over the page continues after it ("… và khu" / "3" / "vực nông
 * thôn …"), so the break and the number are blanked and the sentence is read whole.
 */
const PAGE_BREAK = /(?:-{2,}[ \t]*PAGE BREAK[ \t]*-{2,}|\f)(?:\s*\n[ \t]*\d{1,3}[ \t]*(?=\n))?/gu;

/** `text` without markdown escapes and page breaks, of the same length (line breaks kept). */
export function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPE, '$1 ').replace(PAGE_BREAK, (m) => m.replace(/[^\n]/gu, ' '));
}

/** The document with markdown escapes and page breaks removed from its text (the same document when it has none). */
export function withoutEscapes(doc: StructuredDocument): StructuredDocument {
  const text = unescapeMarkdown(doc.parsed.text);
  return text === doc.parsed.text ? doc : { ...doc, parsed: { ...doc.parsed, text } };
}
