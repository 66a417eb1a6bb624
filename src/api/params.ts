import { z } from 'zod';

/** Shared query-parameter schemas. */
export const text = (max = 500) => z.string().trim().min(1).max(max);
export const optText = (max = 200) => text(max).optional();
export const limit = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);
export const year = z.coerce.number().int().min(1945).max(2100).optional();
export const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
