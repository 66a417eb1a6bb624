/**
 * Locality of a document: the issuer's own place ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"), else the preamble
 * ("UBND tỉnh Quảng Nam ban hành"), the appendix caption, the place-date line or the locality the text
 * names most often. Central issuers have none.
 */
import { citiesOf, findLocalities, findLocality, type Locality } from '../../../core/vocab/localities.ts';
import type { Caption } from './header.ts';
import type { IssuerGuess } from './issuer.ts';

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

/**
 * A city committee ("Ban Thường vụ Thành ủy") that does not name its city: the city of the known province
 * that the text names most often, written with capitals ("đưa Tam Điệp trở thành thành phố …").
 */
function cityOfProvince(text: string, province: string | null): Locality | null {
  if (province === null) return null;
  let best: { name: string; n: number } | null = null;
  for (const name of citiesOf(province)) {
    if (name === province) continue;
    const n = text.split(name).length - 1;
    if (n > 0 && (best === null || n > best.n)) best = { name, n };
  }
  return best === null ? null : { name: best.name, province, level: 'city' };
}

export interface LocalityInput {
  issuer: IssuerGuess | null;
  header: string;
  preamble: IssuerGuess | null;
  caption: Caption | null;
  text: string;
  /** Province the source metadata gives (manifest), if any. */
  province: string | null;
}

/** The document's locality from the first source that names one (see module comment). */
export function resolveLocality(x: LocalityInput): Locality | null {
  if (x.issuer?.locality != null) return x.issuer.locality;
  if (x.issuer?.kind === 'central') return null;
  if (x.preamble?.locality != null) return x.preamble.locality;
  const fromCaption = x.caption?.issuerText == null ? null : findLocality(x.caption.issuerText);
  if (fromCaption !== null) return fromCaption;
  if (x.issuer === null) return null;
  const found = placeOfDateLine(x.header) ?? dominantLocality(x.text);
  const cityIssuer = x.issuer.kind === 'thanh-uy' || x.issuer.kind === 'btv-thanh-uy';
  return found ?? (cityIssuer ? cityOfProvince(x.text, x.province) : null);
}
