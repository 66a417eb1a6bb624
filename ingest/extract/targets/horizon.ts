/**
 * When a target is due: a year ("đến năm 2030"), a span ("giai đoạn 2026 - 2030") or every year ("hằng
 * năm", "mỗi năm", "%/năm"). The clause's own horizon wins over its heading's, the heading's over the
 * document title's.
 */

export interface Horizon {
  year: number | null;
  /** "2026-2030" for a span; "hằng năm" is reported by `isAnnual`. */
  span: string | null;
}

export const NO_HORIZON: Horizon = { year: null, span: null };

/**
 * "đến năm 2030", "trước hết năm 2028", and "đến 2025" written without "năm" (not the end of a span "từ 2021
 * đến 2025", nor a date "đến 31/12/2025").
 */
const BY_YEAR_SRC = String.raw`(?:đến|tới|vào|trước)\s+(?:hết\s+|cuối\s+)?(?:năm\s+|(?<!20\d\d\s*(?:đến|tới)\s+)(?=20\d\d(?![\d/.])))(20\d\d)(?!\s*[-–]\s*20\d\d)`;
const BY_YEAR = new RegExp(BY_YEAR_SRC, 'iu');
const BY_YEAR_ALL = new RegExp(BY_YEAR_SRC, 'giu');
/** "giai đoạn 2026 - 2030", "từ năm 2026 đến năm 2030", "(kế hoạch) 5 năm 2026-2030". */
const SPAN =
  /(?:giai đoạn|thời kỳ|trong|từ năm|từ|\d{1,2}\s+năm)\s+(?:năm\s+)?(20\d\d)\s*(?:[-–]|đến(?:\s+năm)?)\s*(20\d\d)/iu;
/** "… 8% năm 2025": a year named without "đến". */
const BARE_YEAR_ALL = /năm\s+(20\d\d)(?!\s*[-–]\s*20\d\d)/giu;
const ANNUAL = /hằng năm|hàng năm|mỗi năm|bình quân năm|\/\s*năm\b/iu;

/** Year and span stated in `text`. */
export function horizonIn(text: string): Horizon {
  const y = BY_YEAR.exec(text);
  const s = SPAN.exec(text);
  return {
    year: y ? Number(y[1]) : null,
    span: s && Number(s[2]) > Number(s[1]) ? `${s[1]}-${s[2]}` : null,
  };
}

/**
 * Horizon of a title or heading: as `horizonIn`, and else the plan year it names bare ("Kế hoạch phát
 * triển kinh tế - xã hội năm 2026", "Các chỉ tiêu chủ yếu năm 2026") when it is not before the year the
 * document was issued (a date "ngày … tháng … năm 2024" or a reference year is no horizon).
 */
export function headingHorizon(text: string, issued: number | null): Horizon {
  const h = horizonIn(text);
  if (h.year !== null || h.span !== null || issued === null) return h;
  for (const m of text.matchAll(BARE_YEAR_ALL)) {
    const before = text.slice(0, m.index);
    if (/(?:tháng\s+\d{1,2}|(?<![\p{L}\p{M}])so(?:\s+với)?|từ|giai đoạn|thời kỳ)\s*$/iu.test(before))
      continue;
    if (Number(m[1]) >= issued) return { year: Number(m[1]), span: null };
  }
  return h;
}

/** After a year: the figure it opens ("năm 2026 đạt từ 10%"), so the year is that figure's. */
const OPENS_FIGURE =
  /^\s*,?\s*(?:(?:đạt|là|lên|còn|ở mức|khoảng|từ|trên|dưới|ít nhất|tối thiểu|tối đa|không dưới|không quá)\s+)*\d/iu;

/**
 * The year named closest to the number at `at`…`end` of `text`: "đến năm 2030" or a bare "năm 2025" (not a span, not
 * a reference year "so với năm 2020", not a year after the number that opens the next figure: in "năm 2025
 * đạt trên 8% và năm 2026 đạt từ 10%" 8% is 2025's). A year before the document's is a baseline, for the
 * caller to skip.
 */
export function nearestYear(text: string, at: number, end = at): { year: number; by: boolean } | null {
  const found: { year: number; by: boolean; distance: number; postposed: boolean; after: boolean }[] = [];
  for (const [re, by] of [
    [BY_YEAR_ALL, true],
    [BARE_YEAR_ALL, false],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const from = m.index;
      const to = from + m[0].length;
      if (
        !by &&
        /(?:(?<![\p{L}\p{M}])so(?:\s+với)?|giai đoạn|thời kỳ|từ|đến|tới|vào|trước|tháng\s+\d{1,2})\s*$/iu.test(
          text.slice(0, from),
        )
      )
        continue;
      // a year after the number opens the next figure ("8% và năm 2026 đạt 10%") unless the words between
      // tie it to this one ("đạt 85% năm 2026, đạt 95% năm 2030": only spaces between number and year)
      if (
        from >= end &&
        OPENS_FIGURE.test(text.slice(to)) &&
        !/^\s*(?:vào\s+)?$/u.test(text.slice(end, from))
      )
        continue;
      // a bracketed aside between the number and a year after it ("15% (miền núi dưới 23%) vào năm 2030")
      // does not part them
      const distance = to <= at ? at - to : Math.max(0, withoutBrackets(text.slice(end, from)).trim().length);
      const postposed = to <= at && POSTPOSED.test(text.slice(0, from));
      found.push({ year: Number(m[1]), by, distance, postposed, after: from >= end });
    }
  }
  // "… 17% vào năm 2025 và dưới 15% vào năm 2030": a year written after an earlier figure is that figure's;
  // the next figure takes the year after it
  const later = found.some((f) => f.after);
  let best: (typeof found)[number] | null = null;
  for (const f of found) {
    if (f.postposed && later) continue;
    if (!best || f.distance < best.distance || (f.distance === best.distance && f.by)) best = f;
  }
  return best ? { year: best.year, by: best.by } : null;
}

/** Before a year: a figure (or the bracket after it) the year follows ("17% (…) vào năm 2025"). */
const POSTPOSED = /[\d%)]\s*,?\s*(?:vào|đến|tới|trong)?\s*$/iu;

function withoutBrackets(text: string): string {
  return text.replace(/\([^()]*\)/gu, '');
}

export function isAnnual(text: string): boolean {
  return ANNUAL.test(text);
}

/** The first horizon of the chain (clause, heading, title) that names a year or a span. */
export function resolveHorizon(chain: readonly Horizon[]): Horizon {
  for (const h of chain) {
    if (h.year !== null) return { year: h.year, span: null };
    if (h.span !== null) return { year: null, span: h.span };
  }
  return NO_HORIZON;
}
