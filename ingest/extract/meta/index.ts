/**
 * Metadata of the ingested document itself ("thuộc tính"): type, number, issuer, locality/province,
 * date, signer and the office they sign in, title and effective date, read from the header block, the
 * type heading, the preamble, the appendix caption, the closing articles and the signature block. Each
 * field is read from its own place in the layout and written in canonical form (the issuer is a name
 * from the issuer vocabulary, never a slice of the text), so no field swallows its neighbours; unknown
 * stays null. The manifest only fills the locality/province when the text names none.
 */
import type { DocType, DocumentMeta, ManifestEntry, StructuredDocument } from '../../../core/types.ts';
import { abbrForTypeWord, parseDocNumber, type DocNumber } from '../../../core/vocab/docnumber.ts';
import { findLocality } from '../../../core/vocab/localities.ts';
import { findCaptions, findHeading, headerDate, headerNumber, preambleEnd } from './header.ts';
import {
  issuerFromHeader,
  issuerFromPreamble,
  issuerFromSignature,
  issuerName,
  type IssuerGuess,
} from './issuer.ts';
import { resolveLocality } from './locality.ts';
import { findSignature } from './signer.ts';
import { findTitle } from './title.ts';
import { effectiveDate } from './validity.ts';
import { canonicalDoc } from '../text/index.ts';

/** The header region: text above the type heading (or the first 1500 characters without one). */
function headerOf(text: string, headingStart: number | null): string {
  return text.slice(0, headingStart ?? Math.min(text.length, 1500));
}

/**
 * "QĐ-CTUBND", or the authority line above the preamble reads "CHỦ TỊCH ỦY BAN NHÂN DÂN …": the chairman,
 * not the committee, issued the decision (its header still names the committee).
 */
function refineKind(issuer: IssuerGuess, number: DocNumber | null, authority: string): IssuerGuess['kind'] {
  if (issuer.kind !== 'ubnd') return issuer.kind;
  const chairman = /^[\s*]*CHỦ TỊCH (?:ỦY|UỶ) BAN NHÂN DÂN/u.test(authority);
  return number?.issuerAbbr === 'CTUBND' || chairman ? 'ct-ubnd' : issuer.kind;
}

function typeFromWord(word: string): DocType | null {
  const abbr = abbrForTypeWord(word);
  return abbr === null ? null : (parseDocNumber(`1/${abbr}-X`)?.type ?? null);
}

function manifestText(manifest: ManifestEntry | undefined, key: 'locality' | 'province'): string | null {
  const v = manifest?.[key];
  return typeof v === 'string' ? v : null;
}

/** Extracts the document's own metadata (see module comment). */
export function extractMeta(written: StructuredDocument, manifest?: ManifestEntry): DocumentMeta {
  const doc = canonicalDoc(written);
  const text = doc.parsed.text;
  const heading = findHeading(text);
  const header = headerOf(text, heading?.start ?? null);
  const hn = headerNumber(header);
  const headingType = heading?.type ?? null;
  const caption =
    findCaptions(text).find((c) => headingType === null || typeFromWord(c.typeWord) === headingType) ?? null;
  const number = hn.number ?? (hn.unnumbered ? null : (caption?.number ?? null));
  const type = headingType ?? number?.type ?? (caption === null ? null : typeFromWord(caption.typeWord));

  const bodyStart = heading?.after ?? 0;
  const preambleIssuer = issuerFromPreamble(text.slice(bodyStart, preambleEnd(doc, bodyStart)));
  const signature = findSignature(text);
  const fromSig = signature.block === null ? null : issuerFromSignature(signature.block, text);
  const issuer = issuerFromHeader(header) ?? preambleIssuer ?? fromSig;
  const named = { issuer, header, preamble: preambleIssuer, caption, text, province: null };
  // The issuer keeps the place the document ties it to; the city a committee leaves unnamed is only the
  // document's locality ("Ban Thường vụ Thành ủy" of a Tam Điệp plan).
  const issuerLocality = resolveLocality(named);
  const locality =
    issuerLocality ?? resolveLocality({ ...named, province: manifestText(manifest, 'province') });
  const manifestLoc = findLocality(manifestText(manifest, 'locality') ?? '');
  const title = heading === null ? null : findTitle(text, heading);
  // The authority line between the title and the preamble ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ").
  const authority = title === null ? '' : text.slice(title.end, preambleEnd(doc, title.end)).slice(0, 200);
  const fullIssuer =
    issuer === null
      ? null
      : { ...issuer, kind: refineKind(issuer, number, authority), locality: issuerLocality ?? manifestLoc };
  const date = headerDate(header) ?? caption?.date ?? null;

  return {
    type,
    number: number?.normalized ?? null,
    issuer: fullIssuer === null ? null : issuerName(fullIssuer) || null,
    locality: locality?.name ?? manifestText(manifest, 'locality'),
    province: locality?.province ?? manifestText(manifest, 'province'),
    date,
    signer: signature.name,
    signerPosition: signature.position,
    title: title?.text ?? null,
    effectiveDate: effectiveDate(text, date),
    status: null,
  };
}
