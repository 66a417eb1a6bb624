/** UI strings: Vietnamese by default, English on request (kept in localStorage). */
import { ANALYST_STRINGS } from './i18n-analyst.js';
import { RELATION_STRINGS } from './i18n-relations.js';

/** @type {Record<string, [string, string]>} key → [Vietnamese, English] */
const STRINGS = {
  appName: ['Tri thức chính sách', 'Policy knowledge graph'],
  skip: ['Bỏ qua đến nội dung chính', 'Skip to main content'],
  navSearch: ['Tìm kiếm', 'Search'],
  navDocuments: ['Văn bản', 'Documents'],
  navGraph: ['Đồ thị cơ quan – nhiệm vụ', 'Agency–task graph'],
  navTargets: ['Chỉ tiêu', 'Targets'],
  navIngest: ['Tải lên', 'Upload'],
  langToggle: ['English', 'Tiếng Việt'],
  langToggleLabel: ['Switch the interface to English', 'Chuyển giao diện sang tiếng Việt'],
  loading: ['Đang tải…', 'Loading…'],
  empty: ['Không có dữ liệu.', 'Nothing to show.'],
  error: ['Lỗi', 'Error'],
  all: ['Tất cả', 'All'],
  notFound: ['Không tìm thấy trang', 'Page not found'],
  searchTitle: ['Tìm kiếm và hỏi đáp', 'Search and ask'],
  searchLabel: [
    'Câu hỏi hoặc từ khoá (có dấu hoặc không dấu)',
    'Question or keywords (with or without diacritics)',
  ],
  searchPlaceholder: [
    'Ví dụ: Kế hoạch nào thực hiện Nghị quyết 189/NQ-CP?',
    'e.g. Which plans implement Resolution 189/NQ-CP?',
  ],
  searchButton: ['Tìm', 'Search'],
  filters: ['Bộ lọc', 'Filters'],
  locality: ['Địa phương', 'Locality'],
  field: ['Lĩnh vực', 'Field'],
  docType: ['Loại văn bản', 'Document type'],
  year: ['Năm', 'Year'],
  answer: ['Trả lời', 'Answer'],
  intent: ['Loại câu hỏi', 'Question type'],
  passages: ['Đoạn văn liên quan', 'Matching passages'],
  noResults: ['Không tìm thấy đoạn văn nào.', 'No passages found.'],
  noMeaningfulMatch: [
    'Không có đoạn văn nào khớp rõ với câu hỏi. Các đoạn gần nhất:',
    'No passage matches the question well. The nearest ones:',
  ],
  askUnavailable: [
    'Chưa trả lời được câu hỏi, chỉ hiển thị kết quả tìm kiếm',
    'The question could not be answered; showing search results only',
  ],
  source: ['Nguồn', 'Source'],
  openInDoc: ['Xem trong văn bản', 'Open in document'],
  section: ['Mục', 'Section'],
  page: ['Trang', 'Page'],
  took: ['ms', 'ms'],
  resultsCount: ['kết quả', 'results'],
  enterQuery: ['Nhập câu hỏi hoặc từ khoá để bắt đầu.', 'Type a question or keywords to start.'],
  documentsTitle: ['Văn bản', 'Documents'],
  title: ['Tên văn bản', 'Title'],
  type: ['Loại', 'Type'],
  number: ['Số hiệu', 'Number'],
  date: ['Ngày', 'Date'],
  issuer: ['Cơ quan ban hành', 'Issuer'],
  signer: ['Người ký', 'Signer'],
  file: ['Tệp', 'File'],
  tasks: ['Nhiệm vụ', 'Tasks'],
  targets: ['Chỉ tiêu', 'Targets'],
  passagesCount: ['Đoạn', 'Passages'],
  metadata: ['Thông tin văn bản', 'Metadata'],
  chain: ['Chuỗi thực hiện', 'Implementation chain'],
  noChain: ['Văn bản không nêu văn bản cấp trên nào.', 'This document names no higher-level document.'],
  thisDoc: ['Văn bản này', 'This document'],
  sectionTree: ['Cấu trúc văn bản', 'Sections'],
  references: ['Văn bản liên quan', 'References'],
  implementsRef: ['Thực hiện', 'Implements'],
  citesRef: ['Trích dẫn', 'Cites'],
  inCorpus: ['có trong kho', 'in the corpus'],
  row: ['STT', 'Row'],
  task: ['Nhiệm vụ', 'Task'],
  lead: ['Chủ trì', 'Lead'],
  coordinating: ['Phối hợp', 'Coordinating'],
  deadline: ['Thời hạn', 'Deadline'],
  product: ['Sản phẩm', 'Product'],
  fields: ['Lĩnh vực', 'Fields'],
  sortBy: ['Sắp xếp theo', 'Sort by'],
  indicator: ['Chỉ tiêu', 'Indicator'],
  subject: ['Đối tượng đo', 'Subject'],
  metric: ['Thước đo', 'Metric'],
  national: ['Toàn quốc', 'National'],
  value: ['Giá trị', 'Value'],
  unit: ['Đơn vị', 'Unit'],
  graphTitle: ['Đồ thị cơ quan – nhiệm vụ', 'Agency–task graph'],
  agency: ['Cơ quan', 'Agency'],
  show: ['Hiển thị', 'Show'],
  nodes: ['Các nút (Enter để mở rộng)', 'Nodes (Enter to expand)'],
  details: ['Chi tiết', 'Details'],
  legend: ['Chú giải', 'Legend'],
  expand: ['Mở rộng', 'Expand'],
  pickNode: ['Chọn một nút để xem chi tiết.', 'Select a node to see its details.'],
  pickLocality: [
    'Chọn địa phương, cơ quan hoặc lĩnh vực rồi bấm Hiển thị.',
    'Pick a locality, an agency or a field, then Show.',
  ],
  graphCanvas: [
    'Đồ thị; dùng danh sách nút bên cạnh để điều hướng bằng bàn phím',
    'Graph; use the node list beside it to navigate with the keyboard',
  ],
  fieldFilter: ['Lọc nhiệm vụ theo lĩnh vực', 'Filter tasks by field'],
  targetsTitle: ['Chỉ tiêu các địa phương', 'Targets across localities'],
  compare: ['So sánh chỉ tiêu', 'Compare indicators'],
  compareWhich: ['Nhóm chỉ tiêu', 'Indicator group'],
  chartLabel: ['Biểu đồ cột so sánh', 'Bar chart comparing'],
  ingestTitle: ['Tải văn bản lên', 'Upload documents'],
  ingestHelp: [
    'Định dạng: TXT, MD, PDF, DOCX, HTML. Mỗi tệp được gửi riêng.',
    'Formats: TXT, MD, PDF, DOCX, HTML. Each file is sent on its own.',
  ],
  files: ['Tệp', 'Files'],
  token: ['Mã truy cập API (nếu máy chủ yêu cầu)', 'API token (if the server needs one)'],
  upload: ['Tải lên', 'Upload'],
  noFiles: ['Chưa chọn tệp nào.', 'No file selected.'],
  status_ingested: ['Đã nạp', 'Ingested'],
  status_replaced: ['Đã thay thế bản cũ', 'Replaced the earlier version'],
  status_unchanged: ['Không thay đổi (đã có)', 'Unchanged (already stored)'],
  status_failed: ['Thất bại', 'Failed'],
  uploading: ['Đang tải lên…', 'Uploading…'],
  processing: ['Đang xử lý…', 'Processing…'],
  openDocument: ['Mở văn bản', 'Open document'],
  health: ['Trạng thái', 'Status'],
};

Object.assign(STRINGS, ANALYST_STRINGS, RELATION_STRINGS);

const KEY = 'policy-kg.lang';

/** @returns {'vi' | 'en'} */
export function getLang() {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** @param {string} lang 'en' for English, anything else for Vietnamese */
export function setLang(lang) {
  try {
    localStorage.setItem(KEY, lang === 'en' ? 'en' : 'vi');
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
  document.documentElement.lang = lang === 'en' ? 'en' : 'vi';
}

/**
 * The string for `key` in the current language (the key itself when unknown), with `{name}` replaced by `vars`.
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function t(key, vars) {
  const s = STRINGS[key];
  if (!s) return key;
  const text = getLang() === 'en' ? s[1] : s[0];
  return vars
    ? text.replace(/\{(\w+)\}/g, (m, /** @type {string} */ k) => (k in vars ? String(vars[k]) : m))
    : text;
}

/**
 * True when a string exists for `key`.
 * @param {string} key
 */
export const hasText = (key) => key in STRINGS;

/**
 * Field label from the /api/fields item in the current language.
 * @param {{slug: string, vi?: string | null, en?: string | null} | null | undefined} f
 */
export const fieldLabel = (f) => (f ? (getLang() === 'en' ? f.en || f.vi : f.vi || f.en) || f.slug : '');
