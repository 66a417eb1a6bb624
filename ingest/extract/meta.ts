/**
 * Metadata of the ingested document itself: type, number, issuer, locality/province, date, signer and
 * title, read from the header block, the type heading, the preamble, the appendix caption and the
 * signature block. Unknown stays null; the manifest only fills the locality/province when the text
 * names none.
 */
import type { DocType, DocumentMeta, ManifestEntry, StructuredDocument } from '../../core/types.ts';
import { abbrForTypeWord, parseDocNumber, type DocNumber } from '../../core/vocab/docnumber.ts';
import { findLocalities, findLocality, type Locality } from '../../core/vocab/localities.ts';
import {
  issuerFromHeader,
  issuerFromPreamble,
  issuerFromSignature,
  issuerName,
  type IssuerGuess,
} from './meta-issuer.ts';
import {
  findCaptions,
  findHeading,
  findSigner,
  findTitle,
  headerDate,
  headerNumber,
  preambleEnd,
  type Caption,
} from './meta-text.ts';

/** The header region: text above the type heading (or the first 1500 characters without one). */
function headerOf(text: string, headingStart: number | null): string {
  return text.slice(0, headingStart ?? Math.min(text.length, 1500));
}

/** Most frequent locality named in the text (a local issuer that does not name itself in the header). */
function dominantLocality(text: string): Locality | null {
  const counts = new Map<string, { loc: Locality; n: number }>();
  for (const m of findLocalities(text)) {
    const c = counts.get(m.name) ?? { loc: { name: m.name, province: m.province, level: m.level }, n: 0 };
    c.n += m.qualified ? 2 : 1;
    counts.set(m.name, c);
  }
  let best: { loc: Locality; n: number } | null = null;
  for (const c of counts.values()) if (best === null || c.n > best.n) best = c;
  return best?.loc ?? null;
}

function placeOfDateLine(header: string): Locality | null {
  const m = /([\p{L} .]{2,30}), ngày/u.exec(header.replace(/\s+/g, ' '));
  return m === null ? null : findLocality(m[1] ?? '');
}

interface LocalityInput {
  issuer: IssuerGuess | null;
  header: string;
  preamble: IssuerGuess | null;
  caption: Caption | null;
  text: string;
}

function resolveLocality(x: LocalityInput): Locality | null {
  if (x.issuer?.locality != null) return x.issuer.locality;
  if (x.issuer?.kind === 'central') return null;
  if (x.preamble?.locality != null) return x.preamble.locality;
  const fromCaption = x.caption?.issuerText == null ? null : findLocality(x.caption.issuerText);
  if (fromCaption !== null) return fromCaption;
  if (x.issuer === null) return null;
  return placeOfDateLine(x.header) ?? dominantLocality(x.text);
}

/** "QĐ-CTUBND": the chairman, not the committee, issued the decision. */
function refineKind(issuer: IssuerGuess, number: DocNumber | null): IssuerGuess['kind'] {
  return issuer.kind === 'ubnd' && number?.issuerAbbr === 'CTUBND' ? 'ct-ubnd' : issuer.kind;
}

function typeFromWord(word: string): DocType | null {
  const abbr = abbrForTypeWord(word);
  return abbr === null ? null : (parseDocNumber(`1/${abbr}-X`)?.type ?? null);
}

/** Extracts the document's own metadata (see module comment). */
export function extractMeta(doc: StructuredDocument, manifest?: ManifestEntry): DocumentMeta {
  const text = doc.parsed.text;
  const heading = findHeading(text);
  const header = headerOf(text, heading?.start ?? null);
  const hn = headerNumber(header);
  const captions = findCaptions(text);
  const headingType = heading?.type ?? null;
  const caption =
    captions.find((c) => headingType === null || typeFromWord(c.typeWord) === headingType) ?? null;
  const number = hn.number ?? (hn.unnumbered ? null : (caption?.number ?? null));
  const type = headingType ?? number?.type ?? (caption === null ? null : typeFromWord(caption.typeWord));

  const bodyStart = heading?.after ?? 0;
  const preambleText = text.slice(bodyStart, preambleEnd(doc, bodyStart));
  const signer = findSigner(text);
  const preambleIssuer = issuerFromPreamble(preambleText);
  const fromHeader = issuerFromHeader(header);
  const fromSig = signer.block === null ? null : issuerFromSignature(signer.block, text);
  const issuer = fromHeader ?? preambleIssuer ?? fromSig;
  const locality = resolveLocality({ issuer, header, preamble: preambleIssuer, caption, text });
  const manifestLoc = typeof manifest?.locality === 'string' ? findLocality(manifest.locality) : null;
  const fullIssuer =
    issuer === null
      ? null
      : { ...issuer, kind: refineKind(issuer, number), locality: locality ?? manifestLoc };

  return {
    type,
    number: number?.normalized ?? null,
    issuer: fullIssuer === null ? null : issuerName(fullIssuer) || null,
    locality: locality?.name ?? (typeof manifest?.locality === 'string' ? manifest.locality : null),
    province: locality?.province ?? (typeof manifest?.province === 'string' ? manifest.province : null),
    date: headerDate(header) ?? caption?.date ?? null,
    signer: signer.name,
    title: heading === null ? null : findTitle(text, heading),
  };
}
