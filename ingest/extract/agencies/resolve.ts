import type { AgencyRef } from '../../../core/types.ts';
import type { GazetteerEntry } from '../../../core/vocab/agency-gazetteer.ts';
import { agencyKey, cleanAgencyName, isGroupName, lookup, stripLocalitySuffix } from './names.ts';

/**
 * Agency resolution: a mention becomes its canonical name, a locality-independent kind slug and a
 * locality-scoped key. Group placeholders are `isGroup` and keyed `group:<slug>@<locality>` so that they
 * never merge with a real agency.
 */

function slugOf(key: string): string {
  return key.replace(/ /g, '-');
}

/** Slug of a group: no leading "các", no locality words ("Các sở, ban, ngành tỉnh" → "so-ban-nganh"). */
function groupSlug(clean: string, locality: string | null): string {
  const words = stripLocalitySuffix(agencyKey(clean), locality)
    .split(' ')
    .filter((w, i) => !(i === 0 && (w === 'cac' || w === 'nhung')) && w !== 'co');
  return words.join('-');
}

/** City-level wording of a provincial entry ("Ủy ban nhân dân tỉnh" → "… thành phố") when written so. */
function localName(entry: GazetteerEntry, writtenKey: string): string {
  if (/\bthanh uy\b/.test(writtenKey)) return entry.name.replace('Tỉnh ủy', 'Thành ủy');
  if (/\bthanh pho\b/.test(writtenKey) && / tỉnh$/.test(entry.name))
    return entry.name.replace(/ tỉnh$/, ' thành phố');
  return entry.name;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The head of a body named by office ("Bộ trưởng Bộ Tài chính", "Thống đốc Ngân hàng Nhà nước Việt Nam",
 * "Chánh Văn phòng Ủy ban nhân dân tỉnh" for its Văn phòng): the duty is the body's. Chairpersons stay
 * offices of their own (the gazetteer knows "Chủ tịch …").
 */
const HEAD_OF_BODY =
  /^(?:(?:Bộ trưởng|Thứ trưởng|Thủ trưởng|Thống đốc|Tổng Giám đốc|Giám đốc)\s+(?=\p{Lu})|Chánh\s+(?=(?:Văn phòng|Thanh tra)\s))/u;

/**
 * Resolves an agency mention to its canonical name, kind slug and locality-scoped key. Central bodies
 * (ministries, Government) get locality null and key `${kind}@TW`; provincial bodies get
 * `${kind}@${locality}`; placeholders get `group:${slug}@${locality}`.
 */
export function resolveAgency(name: string, locality: string | null): AgencyRef {
  const clean = cleanAgencyName(name);
  const body = clean.replace(HEAD_OF_BODY, '');
  const hit = lookup(clean, locality) ?? (body !== clean ? lookup(body, locality) : null);
  if (hit) {
    const central = hit.entry.central === true;
    const loc = central ? null : locality;
    return {
      key: `${hit.entry.kind}@${loc ?? 'TW'}`,
      name: central ? hit.entry.name : localName(hit.entry, agencyKey(clean)),
      kind: hit.entry.kind,
      locality: loc,
      isGroup: false,
    };
  }
  if (isGroupName(clean)) {
    const slug = groupSlug(clean, locality);
    return {
      key: `group:${slug}@${locality ?? 'TW'}`,
      name: capitalise(clean),
      kind: slug,
      locality,
      isGroup: true,
    };
  }
  const central =
    /^(?:Bộ|Cục|Tổng cục|Ủy ban Quốc gia)\s/u.test(clean) && !/\b(?:tinh|thanh pho)\b/.test(agencyKey(clean));
  const bare = stripLocalitySuffix(agencyKey(clean), locality);
  const kind = slugOf(bare.includes(' ') ? bare : agencyKey(clean));
  const loc = central ? null : locality;
  return { key: `${kind}@${loc ?? 'TW'}`, name: clean, kind, locality: loc, isGroup: false };
}

export function dedupeAgencies(list: readonly AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>();
  const out: AgencyRef[] = [];
  for (const a of list) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    out.push(a);
  }
  return out;
}
