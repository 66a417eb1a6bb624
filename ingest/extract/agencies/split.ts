import { GAZETTEER } from '../../../core/vocab/agency-gazetteer.ts';
import { agencyKey, cleanAgencyName, expandAbbreviations, HEAD, isGroupName, knownAgency } from './names.ts';

/** Gazetteer names holding a comma or "và", as patterns that allow either between their words. */
const LIST_LIKE_NAMES: readonly RegExp[] = GAZETTEER.filter((e) => /[,]|\svà\s/u.test(e.name)).map((e) => {
  const words = e.name.split(/[\s,]+/).filter((w) => w !== 'và');
  return new RegExp(
    words.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('[\\s,]+(?:và\\s+)?'),
    'giu',
  );
});

/** Masks commas and "và" inside gazetteer names so that list splitting leaves them whole. */
function protectNames(s: string): string {
  let out = s;
  for (const re of LIST_LIKE_NAMES)
    out = out.replace(re, (m) => m.replace(/,/g, '\uE001').replace(/\svà\s/gu, ' \uE002 '));
  return out;
}

function unprotect(s: string): string {
  return s.replace(/\uE001/g, ',').replace(/ \uE002 /g, ' và ');
}

/** Bare words that list kinds of administrative bodies: "Sở, Ban, ngành" is one placeholder. */
const BODY_KINDS = new Set([
  'so',
  'ban',
  'nganh',
  'dia phuong',
  'don vi',
  'co quan',
  'doan the',
  'hoi',
  'phong',
]);

/** Lower-case kind words that open a new body after a named one ("UBND cấp xã, cơ quan Thuế"). */
const LOWER_KIND = /^(?:sở|cơ quan|đơn vị|phòng|đại biểu)\s/u;

function endsWithKind(prev: string): boolean {
  const words = agencyKey(prev).split(' ');
  const last2 = words.slice(-2).join(' ');
  return BODY_KINDS.has(words[words.length - 1] ?? '') || BODY_KINDS.has(last2);
}

/** True when `p` opens a new body after `prev` in a list. */
function opensBody(prev: string, p: string): boolean {
  if (HEAD.test(p)) return !continuesKinds(prev, p);
  // "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ": lower-case kinds after "Các …" extend one group.
  if (/(?:^|\s)(?:Các|các)\s+\p{Ll}/u.test(prev) && !/^đại biểu\s/u.test(p)) return false;
  return LOWER_KIND.test(p) && !endsWithKind(prev);
}

/** True when `p` continues the bare placeholder `prev` ("Sở" + "Ban, ngành"), not a new body ("Viện" + "Trường"). */
function continuesKinds(prev: string, p: string): boolean {
  const first = agencyKey(p).split(' ')[0] ?? '';
  return BODY_KINDS.has(agencyKey(prev)) && BODY_KINDS.has(first);
}

/**
 * Heads of bodies that stand on their own: a known name opening with one, glued to a following body
 * without a separator, is a list ("Sở Công Thương Ban Quản lý khu kinh tế" where a cell held one body per
 * line). Sub-units (Văn phòng, Ban of a committee, Thường trực, Đảng đoàn) are left whole: "Ban Tuyên giáo
 * Tỉnh ủy", "Văn phòng Ủy ban nhân dân tỉnh" name one body with its owner.
 */
const STANDALONE =
  /^(?:Sở|Công an|Bộ Chỉ huy|Đài|Báo|Kho bạc|Ngân hàng|Bảo hiểm|Thuế|Hải quan|Liên hiệp|Liên đoàn|Hội|Tỉnh đoàn|Thành đoàn|Ban Quản lý|Ủy ban nhân dân)\s/u;

/** A placeholder for several bodies ("Các doanh nghiệp …", "Ủy ban nhân dân các xã"): never the owner of a unit. */
const PLURAL = /^(?:Các|Ủy ban nhân dân (?:các|cấp))\s/u;

/** True when `rest` opens a second body after `head` in a piece with no separator (see STANDALONE). */
function gluedAt(head: string, rest: string): boolean {
  if (!/^\p{Lu}/u.test(rest) || !HEAD.test(rest)) return false;
  if (PLURAL.test(rest) && isGroupName(rest)) return knownAgency(head) || isGroupName(head);
  return STANDALONE.test(head) && knownAgency(head) && (knownAgency(rest) || rest.includes(' '));
}

/** Splits a cleaned piece naming two bodies with no separator between them (one body per line in a cell). */
function splitGlued(p: string): string[] {
  if (knownAgency(p)) return [p];
  const words = p.split(' ');
  for (let i = 2; i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    const head = words.slice(0, i).join(' ');
    if (gluedAt(head, rest)) return [cleanAgencyName(head), ...splitGlued(cleanAgencyName(rest))];
  }
  return [p];
}

/** Splits one ";"-free segment at commas and " và " that open a new agency (see HEAD). */
/** Offices whose holders lead in their own name ("Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ", "Chủ tịch …"). */
const OFFICE = /^(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Tổng Giám đốc|Chánh Văn phòng)(?=\s|$)/u;

function splitSegment(seg: string): string[] {
  const parts = seg.split(
    /(,|\s(?:và|cùng)\s(?=(?:các\s|Các\s|sở\s|cơ quan\s|đơn vị\s|đại biểu\s)|[\p{Lu}]))/u,
  );
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const p = (parts[i] ?? '').trim();
    if (p === '') continue;
    const sep = i > 0 ? (parts[i - 1] ?? ',') : ',';
    const prev = out[out.length - 1];
    const office = prev === undefined ? null : OFFICE.exec(prev);
    // "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ": each office holder leads, and a
    // body written after an office takes its head ("Thủ trưởng cơ quan thuộc Chính phủ")
    // ("Bộ trưởng, Thủ trưởng các bộ, cơ quan ngang bộ …" is one group of offices: "các" goes on listing kinds)
    const group = prev !== undefined && /\scác\s/u.test(`${prev} ${p}`);
    if (office && !group && OFFICE.test(p)) out.push(p);
    else if (office && !group && sep === ',' && /^cơ quan\s/u.test(p) && office[0] !== 'Bộ trưởng')
      out.push(`${office[0]} ${p}`);
    else if (prev !== undefined && !opensBody(prev, p))
      out[out.length - 1] = `${prev}${sep === ',' ? ', ' : sep}${p}`;
    else out.push(p);
  }
  return out;
}

const SHARED_HEAD = /^\s*(?:các\s+)?(Sở|Bộ)\s*:\s*(.+)$/isu;

/** "Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh và tỉnh Quảng Ninh": one head over several localities. */
const SHARED_LOCALITY =
  /^((?:Ủy ban nhân dân|Hội đồng nhân dân|Công an|Bộ Chỉ huy Quân sự)\s+)((?:tỉnh|thành phố)\s.+?(?:(?:,|\s+và)\s+(?:tỉnh|thành phố)\s[^,;]+?)+)([.;]?)$/u;

function expandSharedLocality(cell: string): string | null {
  const m = SHARED_LOCALITY.exec(cell.replace(/\s+/gu, ' ').trim());
  if (!m) return null;
  const places = m[2]!.split(/(?:,|\s+và)\s+(?=(?:tỉnh|thành phố)\s)/u);
  return places.map((p) => `${m[1]}${p.trim()}`).join('; ');
}

/**
 * "Các Sở: Nông nghiệp và Phát triển nông thôn, Công Thương, Y tế" → "Sở Nông nghiệp và Phát triển
 * nông thôn; Sở Công Thương; Sở Y tế". Comma-separated pieces are joined back while the joined name is
 * a known agency ("Sở Lao động, Thương binh và Xã hội"); a final "X và Y" is split when both are known.
 */
export function expandSharedHead(cell: string): string {
  const local = expandSharedLocality(cell);
  if (local) return local;
  const m = SHARED_HEAD.exec(cell);
  if (!m) return cell;
  const head = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
  const pieces = m[2]!
    .replace(/\s+/g, ' ')
    .replace(/[.;]\s*$/u, '')
    .split(',')
    .map((x) => x.trim());
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let name = pieces[i]!;
    for (let j = pieces.length - 1; j > i; j--) {
      const joined = pieces.slice(i, j + 1).join(', ');
      if (knownAgency(`${head} ${joined}`)) {
        name = joined;
        i = j;
        break;
      }
    }
    const [a, b] = name.split(/ và (?=\p{Lu})/u);
    if (a && b && knownAgency(`${head} ${a}`) && knownAgency(`${head} ${b}`)) names.push(a, b);
    else names.push(name);
  }
  return names
    .filter((n) => n !== '')
    .map((n) => `${head} ${n}`)
    .join('; ');
}

/** "UBND các huyện, thành phố các tổ chức chính trị - xã hội": a new placeholder without its comma. */
const MISSING_COMMA =
  /([\p{L}]+)\s+(?=các\s+(?:tổ chức|cơ quan|đơn vị|sở|ban|ngành|doanh nghiệp|hội|đoàn thể|huyện ủy|thị ủy|thành ủy|cấp ủy|đảng ủy)(?=[\s,]|$))/gu;
const LINKS = new Set(
  'và với cùng của cho là đến tới giữa trong hợp trì trưởng đốc tịch gồm thuộc tại hoặc như vụ hành'.split(
    ' ',
  ),
);

/**
 * Splits a cell or clause naming several agencies into one string per agency, keeping commas inside
 * names ("Sở Lao động, Thương binh và Xã hội") and inside placeholders ("Các sở, ngành, đơn vị liên
 * quan", "UBND các quận, huyện"). Abbreviations are expanded; strings are cleaned (see cleanAgencyName).
 */
export function splitAgencies(cell: string): string[] {
  const spaced = expandSharedHead(expandAbbreviations(cell))
    .replace(/\([^)]*\)/g, ' ')
    .replace(/([\p{L}])(?<!(?:trưởng|đốc|tịch|Bí thư|Lãnh đạo))\s+(?=(?:Sở|Bộ)\s+\p{Lu})/gu, '$1, ')
    .replace(MISSING_COMMA, (m: string, word: string) => (LINKS.has(word) ? m : `${word}, `));
  const text = protectNames(spaced);
  const out: string[] = [];
  for (const seg of text.split(/[;\n]|\.\s/u)) {
    for (const p of splitSegment(seg.trim()).flatMap((x) => splitGlued(cleanAgencyName(unprotect(x))))) {
      // "… và đại biểu Hội đồng nhân dân": the office of each deputy, not a lower-case group placeholder.
      const name = p.replace(/^đại biểu(?=\s)/u, 'Đại biểu');
      if (name !== '' && name !== '-' && /\p{L}/u.test(name)) out.push(name);
    }
  }
  return out;
}
