/** Upload page: one request per file with its own progress bar and result (or error code + message). */
import { clearCache, upload } from '../api.js';
import { t } from '../i18n.js';
import { docLink, errorBox, h, mount, setTitle } from '../ui.js';

/**
 * @typedef {import('../api-types.d.ts').IngestResponse['results'][number]} FileResult
 * @typedef {{ok: boolean, status: number, body: import('../api-types.d.ts').UploadBody}} UploadResult
 */

const TOKEN_KEY = 'policy-kg.token';
const store = () => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

/** @param {HTMLElement} main */
export function renderIngest(main) {
  setTitle(t('ingestTitle'));
  const token = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    value: store()?.getItem(TOKEN_KEY) || '',
  });
  const files = h('input', {
    id: 'files',
    name: 'files',
    type: 'file',
    multiple: true,
    accept: '.txt,.md,.markdown,.pdf,.docx,.html,.htm,text/plain,text/markdown,text/html,application/pdf',
  });
  const out = h('ul', { class: 'uploads', id: 'uploads', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card upload-form', onsubmit: (e) => void submit(e) },
    h('p', { id: 'ingest-help' }, t('ingestHelp')),
    h('div', { class: 'field' }, h('label', { for: 'files' }, t('files')), files),
    h('div', { class: 'field' }, h('label', { for: 'token' }, t('token')), token),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'upload-button' }, t('upload'))),
  );
  files.setAttribute('aria-describedby', 'ingest-help');
  mount(main, h('h1', {}, t('ingestTitle')), form, out);

  /** @param {Event} e */
  async function submit(e) {
    e.preventDefault();
    const tok = token.value.trim();
    if (tok) store()?.setItem(TOKEN_KEY, tok);
    else store()?.removeItem(TOKEN_KEY);
    const list = [...(files.files || [])];
    if (list.length === 0) {
      mount(out, h('li', { class: 'error', role: 'alert' }, t('noFiles')));
      return;
    }
    mount(out);
    for (const file of list) await uploadOne(file, tok);
    files.value = '';
    clearCache();
    window.dispatchEvent(new CustomEvent('policy-kg:changed'));
  }

  /**
   * @param {File} file
   * @param {string} tok the API token ('' for none)
   */
  async function uploadOne(file, tok) {
    const bar = h('progress', { max: '100', value: '0', 'aria-label': `${file.name}: ${t('uploading')}` });
    const result = h('div', { class: 'upload-result' }, t('uploading'));
    out.append(
      h(
        'li',
        { class: 'upload', 'data-file': file.name },
        h('div', { class: 'upload-name' }, h('strong', {}, file.name), ` (${kb(file.size)})`),
        bar,
        result,
      ),
    );
    try {
      const res = await upload(file, tok, (f) => {
        bar.value = Math.round(f * 100);
        if (f >= 1) mount(result, t('processing'));
      });
      bar.value = 100;
      mount(result, describe(res));
    } catch (err) {
      mount(result, errorBox(err));
    }
  }
}

/** @param {number} n bytes */
function kb(n) {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}

/**
 * One file's outcome: status (+ link to the document) or the error's code and message.
 * @param {UploadResult} res
 */
function describe(res) {
  const body = res.body;
  const error = body && 'error' in body ? body.error : null;
  /** @type {FileResult[]} a failed ingest lists its files' results in the error's details */
  const results =
    (body && 'results' in body ? body.results : null) ||
    /** @type {FileResult[] | undefined} */ (error?.details.results) ||
    [];
  const r = results[0];
  if (r && r.status !== 'failed') {
    return h(
      'span',
      { class: `ok status-${r.status}` },
      `✓ ${t(`status_${r.status}`)} `,
      r.documentId ? h('a', { href: docLink(r.documentId) }, t('openDocument')) : null,
    );
  }
  const err = (r && r.error) || error || { code: `HTTP_${res.status}`, message: 'Unexpected response' };
  return errorBox(err, t('status_failed'));
}
