/**
 * Format-parity fixtures: real documents (the corpus/ seeds and dev documents from ../shared/corpus-dev)
 * rendered by LibreOffice the two ways they arrive in practice:
 * - `layout`: a born-digital document — the text's paragraphs (hard-wrapped lines joined; a blank line,
 *   a numbered or bulleted item, a change between capitals and mixed case or a table row starts a new one), its pipe/tab rows as real tables with a
 *   repeated header row, a running header and a page-number footer (flat ODT from `seedToFodt`);
 * - `plain`: the plain-text file itself opened and printed by LibreOffice (every line a paragraph, tabs at
 *   the default tab stops, Markdown pipes as characters, pages broken wherever the text runs over).
 * Each is exported to PDF and DOCX. Converted files are cached under `dir` by a hash of the source text
 * (the ODT for layout renderings) and the fixture version, so a rerun converts only what changed.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { matchMarker } from '../../ingest/structure/index.ts';
import { seedToFodt } from './fixtures.ts';

const run = promisify(execFile);
const VERSION = '2';

export type Rendering = 'layout' | 'plain';
export type Format = 'txt' | 'pdf' | 'docx';

export interface ParityDoc {
  /** Short name used in test titles, e.g. "000" or "tvpl-008". */
  name: string;
  /** The text file the renderings are made from. */
  txt: string;
  pdf: Record<Rendering, string>;
  docx: Record<Rendering, string>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Where a source lives: seeds in corpus/, dev documents beside the project. */
export function sourcePath(file: string): string {
  return file.startsWith('tvpl-')
    ? resolve(ROOT, '..', 'shared', 'corpus-dev', file)
    : join(ROOT, 'corpus', file);
}

async function soffice(profile: string, outDir: string, target: string, inputs: string[], txt: boolean) {
  if (inputs.length === 0) return;
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      ...(txt ? ['--infilter=Text (encoded):UTF8,LF,,,'] : []),
      '--convert-to',
      target,
      '--outdir',
      outDir,
      ...inputs,
    ],
    { timeout: 600_000 },
  );
}

const isRow = (line: string): boolean => line.trim().startsWith('|') || line.split('\t').length >= 3;
/** An all-capitals line ("KẾ HOẠCH", "UỶ BAN NHÂN DÂN"): a paragraph of its own. */
const isCaps = (line: string): boolean => {
  const letters = line.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && letters.every((c) => c === c.toUpperCase());
};

/** A line of dashes, underscores or stars and nothing else. */
const isRule = (line: string): boolean => /^[-–_*=\s]{3,}$/u.test(line);

/** The text with its hard-wrapped lines joined into paragraphs, one per line; rows and items kept. */
export function paragraphs(text: string): string {
  const out: string[] = [];
  /** The open paragraph's case ('caps' or 'mixed'), null after a blank line or a row. */
  let open: 'caps' | 'mixed' | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    // a rule under the letterhead ("--------") is a paragraph of its own, as a drawn line would be
    if (line === '' || isRow(raw) || isRule(line)) {
      if (line !== '') out.push(raw);
      open = null;
      continue;
    }
    const kind = isCaps(line) ? 'caps' : 'mixed';
    if (open === kind && matchMarker(line) === null) out[out.length - 1] += ` ${line}`;
    else out.push(line);
    open = kind;
  }
  return out.join('\n');
}

const stem = (file: string): string => file.replace(/\.txt$/u, '');

/** Build (or reuse) PDF and DOCX renderings of `files` (names in corpus/ or corpus-dev) under `dir`. */
export async function buildParityFixtures(dir: string, files: readonly string[]): Promise<ParityDoc[]> {
  const abs = resolve(ROOT, dir);
  await mkdir(abs, { recursive: true });
  const docs: ParityDoc[] = [];
  const todo: { plain: string[]; layout: string[] } = { plain: [], layout: [] };
  for (const file of files) {
    const text = await readFile(sourcePath(file), 'utf8');
    const fodt = seedToFodt(paragraphs(text), `Văn bản thử nghiệm ${stem(file).slice(0, 8)}`);
    const hash = (s: string) => createHash('sha256').update(`${VERSION}\n${s}`).digest('hex').slice(0, 12);
    const out = (r: Rendering, ext: string) =>
      join(abs, `${stem(file)}.${hash(r === 'plain' ? text : fodt)}.${r}.${ext}`);
    docs.push({
      name: file.startsWith('tvpl-') ? file.slice(0, 8) : file.slice(0, 3),
      txt: sourcePath(file),
      pdf: { layout: out('layout', 'pdf'), plain: out('plain', 'pdf') },
      docx: { layout: out('layout', 'docx'), plain: out('plain', 'docx') },
    });
    if (![out('plain', 'pdf'), out('plain', 'docx')].every(existsSync)) {
      const plain = out('plain', 'txt');
      await copyFile(sourcePath(file), plain);
      todo.plain.push(plain);
    }
    if (![out('layout', 'pdf'), out('layout', 'docx')].every(existsSync)) {
      const path = out('layout', 'fodt');
      await writeFile(path, fodt);
      todo.layout.push(path);
    }
  }
  const profile = join(abs, '.lo-profile');
  await soffice(profile, abs, 'pdf', todo.plain, true);
  await soffice(profile, abs, 'docx:MS Word 2007 XML', todo.plain, true);
  await soffice(profile, abs, 'pdf', todo.layout, false);
  await soffice(profile, abs, 'docx:MS Word 2007 XML', todo.layout, false);
  for (const f of [...todo.plain, ...todo.layout]) await rm(f, { force: true });
  return docs;
}
