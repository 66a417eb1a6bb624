import { z } from 'zod';
import { FIELDS } from '../../core/vocab/field-keywords.ts';

/**
 * Shared query-parameter schemas. Text must hold a character that is not white space (the schema says
 * so with a pattern, so clients and fuzzers know that "\n" is not a value); it is trimmed.
 */
export const text = (max = 500) =>
  z
    .string()
    .regex(/[^\s\ufeff]/, 'must not be blank')
    .trim()
    .min(1)
    .max(max);
export const optText = (max = 200) => text(max).optional();

/** Canonical spellings of the policy fields: slug, Vietnamese and English name. */
const FIELD_SPELLINGS = [...new Set(FIELDS.flatMap((f) => [f.slug, f.vi, f.en]))];

/**
 * A policy field. The schema lists the canonical spellings; the server also takes them without
 * diacritics or by a keyword of the field, and answers 400 INVALID_INPUT for anything else.
 */
export const fieldParam = () =>
  text(200)
    .meta({ enum: FIELD_SPELLINGS, description: 'Policy field: slug, Vietnamese or English name' })
    .optional();
export const limit = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);
export const year = z.coerce.number().int().min(1945).max(2100).optional();
export const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
