import type { DocumentMeta } from '../../../core/types.ts';
import { headingHorizon, type Horizon } from './horizon.ts';

export interface DocumentContext {
  /** Horizon of the document title ("… đến năm 2030", "giai đoạn 2026-2030"). */
  title: Horizon;
  /** Year the document was issued; earlier bare years are baselines. */
  issued: number | null;
  /** Issued by a central body: its targets are national. */
  central: boolean;
}

const CENTRAL_ISSUER =
  /Chính phủ|Thủ tướng|^Bộ\s|Bộ Chính trị|Ban Chấp hành Trung ương|Ban Bí thư|Quốc hội|Trung ương/u;

export function documentContext(meta: DocumentMeta): DocumentContext {
  return {
    title: headingHorizon(meta.title ?? '', meta.date ? Number(meta.date.slice(0, 4)) : null),
    issued: meta.date ? Number(meta.date.slice(0, 4)) : null,
    central: meta.locality === null && CENTRAL_ISSUER.test(meta.issuer ?? ''),
  };
}
