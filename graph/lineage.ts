import { fold } from '../core/text/normalize.ts';
import { isCentralCity, PROVINCES } from '../core/vocab/localities.ts';
import {
  currentProvince,
  DISTRICT_LEVEL_END,
  nextAgencyStep,
  provinceSuccessions,
  type Succession,
} from '../core/vocab/reorg-2025.ts';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';

const PROVINCE_NAMES = new Set(PROVINCES.map((p) => p.name));

interface LocalityRow {
  name: string;
  province: string | null;
}

/**
 * Writes the dated lineage of the 2025 reorganisation (`SUCCEEDED_BY {from, instrument}`) into the graph:
 * province mergers, district-level units that ended (for the localities documents name), and the
 * successors of every agency in the graph (department mergers, then province mergers). Idempotent;
 * run at start-up and after each ingest.
 */
export async function syncLineage(conn: GraphConnection): Promise<{ localities: number; agencies: number }> {
  const localities = await conn.read(async (tx) => {
    const res = await tx.run(Q.LIST_LOCALITIES);
    return res.records.map((r) => r.toObject() as unknown as LocalityRow);
  });
  const locRows = [...provinceSuccessions(), ...districtSuccessions(localities)].map((s) => ({
    ...s,
    fromFolded: fold(s.from),
    toFolded: fold(s.to),
    fromProvince: PROVINCE_NAMES.has(s.from) ? s.from : s.to,
  }));
  const agencies = await conn.read(async (tx) => {
    const res = await tx.run(Q.LIST_AGENCIES_FOR_LINEAGE);
    return res.records.map((r) => r.toObject() as unknown as AgencyRow);
  });
  const agencyRows = agencySuccessions(agencies);
  await conn.write(async (tx) => {
    await tx.run(Q.UPSERT_LOCALITY_LINEAGE, { rows: locRows });
    // Chains (KH&ĐT Bình Thuận → Tài chính Bình Thuận → Tài chính Lâm Đồng) are written step by step.
    for (const step of agencyRows) await tx.run(Q.UPSERT_AGENCY_LINEAGE, { rows: step });
  });
  return { localities: locRows.length, agencies: agencyRows.flat().length };
}

/** District-level localities (provincial cities) → the post-2025 province their area belongs to. */
export function districtSuccessions(localities: LocalityRow[]): Succession[] {
  return localities.flatMap((l) => {
    if (PROVINCE_NAMES.has(l.name) || !l.province) return [];
    const to = currentProvince(l.province);
    if (!to) return [];
    return [
      {
        from: l.name,
        to,
        date: DISTRICT_LEVEL_END.date,
        instrument: DISTRICT_LEVEL_END.instrument.name,
        article: '',
        note: 'cấp huyện kết thúc hoạt động; địa bàn thuộc tỉnh/thành phố mới',
      },
    ];
  });
}

interface AgencyRow {
  key: string;
  kind: string;
  locality: string | null;
  name: string;
}

/** Provincial wording of a body's name in a centrally-run city (Ủy ban nhân dân tỉnh → … thành phố). */
function nameIn(name: string, locality: string | null): string {
  if (!locality || !isCentralCity(locality)) return name;
  return name.replace(/ tỉnh$/u, ' thành phố').replace(/^Tỉnh ủy/u, 'Thành ủy');
}

/** Succession rows grouped by step (all first steps, then second steps …), each row's source existing. */
export function agencySuccessions(agencies: AgencyRow[]): Record<string, unknown>[][] {
  const steps: Record<string, unknown>[][] = [];
  const seen = new Set<string>();
  let frontier = agencies;
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const next: AgencyRow[] = [];
    const rows: Record<string, unknown>[] = [];
    for (const a of frontier) {
      const step = nextAgencyStep(a.kind, a.locality);
      if (!step) continue;
      const key = `${step.kind}@${step.locality ?? 'TW'}`;
      if (key === a.key || seen.has(`${a.key}>${key}`)) continue;
      seen.add(`${a.key}>${key}`);
      const name = nameIn(step.name ?? a.name, step.locality);
      rows.push({
        from: a.key,
        to: key,
        name,
        kind: step.kind,
        kindName: step.name ?? a.name,
        locality: step.locality,
        folded: fold(name),
        date: step.date,
        instrument: step.instrument,
        article: step.article,
        note: step.note,
      });
      next.push({ key, kind: step.kind, locality: step.locality, name });
    }
    if (rows.length) steps.push(rows);
    frontier = next;
  }
  return steps;
}
