import { cleanAgencyName, expandAbbreviations, knownAgency, STATISTICS_OFFICE } from './names.ts';

/**
 * Validation of a lead: a name must resolve to an organisation — a gazetteer body, an agency-shaped noun
 * phrase ("Trung tâm Phục vụ hành chính công thành phố", "Kho bạc Khu vực số 18"), an office held
 * ("Chủ tịch Ủy ban nhân dân cấp xã", "Bộ trưởng Bộ Tài chính") or an explicit group of bodies ("Các sở,
 * ban, ngành", "Ủy ban nhân dân các xã, phường"). Headings, verb phrases, topics, bare roles ("Thường
 * trực") and names that swallowed the words after them ("Doanh nghiệp viễn thông bảo đảm kinh phí") are
 * not organisations.
 */

/** Nouns that open the name of a body or an office. */
const BODY_HEAD = new RegExp(
  String.raw`^(?:Sở|Bộ|Ban|Ủy ban|Hội đồng|Đảng đoàn|Đảng ủy|Đảng bộ|Chi bộ|Công an|Trung tâm|Viện|Trường|Đài|Báo|Văn phòng|Cục|Chi cục|Tổng cục|Hội|Liên hiệp|Liên đoàn|Hiệp hội|Vườn|Cổng|Thanh tra|Kho bạc|Ngân hàng|Tỉnh ủy|Thành ủy|Huyện ủy|Tỉnh đoàn|Thành đoàn|Đoàn|Mặt trận|Tòa án|Viện kiểm sát|Chính phủ|Thủ tướng|Phó Thủ tướng|Quốc hội|Kiểm toán|Bảo hiểm|Công ty|Tổng công ty|Tập đoàn|Doanh nghiệp|Phòng|Học viện|Đại học|Bệnh viện|Thuế|Hải quan|Cơ quan|Quỹ|Bộ Chỉ huy|Bộ Tư lệnh|Bộ đội|Cảng vụ|Hợp tác xã|Chi nhánh|${STATISTICS_OFFICE}|Chủ rừng|Chủ đầu tư|Nhà đầu tư|Lực lượng|Đơn vị|Tổ công tác|Tổ đại biểu|Đại biểu|Bộ phận|Ban Chỉ đạo|Hạt kiểm lâm|Kiểm lâm|Bưu điện|Tổ chức|Đội|Thông tấn xã|Liên minh)(?=[\s,;]|$)`,
  'u',
);
/** Offices whose holder stands for the body ("Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc Sở Y tế"). */
const OFFICE =
  /^(?:Chủ tịch|Phó Chủ tịch|Giám đốc|Thủ trưởng|Chánh Văn phòng|Chánh Thanh tra|Bộ trưởng|Thứ trưởng|Bí thư|Trưởng ban|Trưởng Ban|Lãnh đạo|Tổng Giám đốc|Cục trưởng|Người đứng đầu|Thường trực|Ban Thường trực|Ban Thường vụ)\s+(?=\S)/u;

/** Nouns that make "Các/các …" a group of bodies ("Các sở, ban, ngành"), not of things ("Các chương trình"). */
const GROUP_NOUN =
  /^(?:các|những|mọi)\s+(?:sở|bộ|ban|ngành|cơ quan|đơn vị|tổ chức|địa phương|doanh nghiệp|hội|đoàn thể|ủy ban|xã|phường|huyện|quận|tỉnh|thành phố|tổ đại biểu|chủ đầu tư|văn phòng|trường|bệnh viện|trung tâm|cơ sở|lực lượng|phòng|chi cục|cục|tổng cục|tập đoàn|công ty|ngân hàng|quỹ|viện|đài|báo|nhà đầu tư|hợp tác xã|cấp ủy|huyện ủy|đảng ủy|đảng bộ|chi bộ|bộ phận|thành viên|cơ quan, đơn vị|đảng đoàn|ban cán sự|chi nhánh|nhà mạng|đại biểu|phương tiện thông tin|cơ quan thông tin|cơ quan báo chí|Bộ|Sở|Ban|Ngành|Cơ quan|Đơn vị|Tổ chức|Ủy ban)(?=[\s,;:]|$)/iu;

/** Words that cannot occur inside a body's name: the name swallowed a verb phrase. */
const VERB =
  /(?:^|\s)(?:chủ trì|phối hợp|thực hiện|tham mưu|triển khai|xây dựng kế hoạch|bảo đảm|đảm bảo|bố trí|tổ chức thực hiện|tổ chức triển khai|hướng dẫn|kiểm tra|theo dõi|có trách nhiệm|chịu trách nhiệm|được giao|được phân cấp|có chức năng|căn cứ|rà soát|phổ biến|định kỳ|tổ chức tuyên|tuyên truyền|báo cáo|đề xuất|ban hành|trình|chỉ đạo|giám sát|tiếp nhận|quyết định|phê duyệt|cần|phải|là|sẽ|đã|nhằm|để|không|có nhu cầu)(?=\s|$)/u;

/** A verb written with a capital inside a name: a sentence run into the name ("Sở X Phối hợp với …"). */
const CAPITAL_VERB = /\s(?:Phối hợp|Chủ trì|Thực hiện|Tham mưu|Triển khai|Hướng dẫn)(?=\s|$)/u;

/** Words a body's name never ends with (a cut in the middle of a clause). */
const DANGLING = /\s(?:và|với|của|cho|về|để|tại|trong|theo|các|những|có|đến|từ|được)$/u;

/** A heading or topic mistaken for a lead: these words open clauses, not names. */
const NOT_A_NAME =
  /^(?:Ban hành|Trường hợp|Khi|Nội dung|Nhiệm vụ|Báo cáo|Văn bản|Phòng cháy|Thời gian|Thời hạn|Kinh phí|Nguồn|Các nội dung|Các nhiệm vụ|Các chương trình|Các dự án|Các chỉ tiêu|Các giải pháp|Các hoạt động|Các phương thức)\b/iu;

/** A company written by its brand ("Viettel Nghệ An", "VNPT", "MobiFone"). */
const BRAND = /^(?:[A-Z]{2,}[A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]*[bdfjklqrsvwxz])(?=\s|$)/;

/** True when `raw` names an organisation, an office held or an explicit group of bodies. */
export function isOrganisation(raw: string): boolean {
  const name = cleanAgencyName(raw);
  if (name === '' || name.length > 160) return false;
  if (knownAgency(name)) return true;
  if (NOT_A_NAME.test(name) || DANGLING.test(name)) return false;
  const words = name.split(' ');
  if (words.length > 22) return false;
  const office = expandAbbreviations(name).replace(OFFICE, '');
  const body = office.charAt(0).toUpperCase() + office.slice(1);
  const bare = body.replace(/^(?:Các|các)\s+/u, '').replace(/^cơ quan có chức năng\b/iu, 'cơ quan');
  if (VERB.test(` ${bare}`) || CAPITAL_VERB.test(bare)) return false;
  // "Cơ quan chủ trì có trách nhiệm …": a bare kind word is a procedural role, not a body.
  if (/^(?:Thường trực|Cơ quan|Đơn vị|Bộ phận)$/u.test(name)) return false;
  if (GROUP_NOUN.test(body)) return true;
  return BODY_HEAD.test(body) || BRAND.test(body);
}

/** True when every name is an organisation (and there is at least one). */
export function allOrganisations(names: readonly string[]): boolean {
  return names.length > 0 && names.every(isOrganisation);
}
