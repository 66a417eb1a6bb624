/**
 * Validation of a task title: it must state a duty. Not duties: an empty label ("Nhiệm vụ:"), a heading
 * ("Trách nhiệm cụ thể"), a field line ("Thời hạn ban hành: …", "Kinh phí: …"), a sentence that only
 * points to the appendix ("Thực hiện các nhiệm vụ … tại Phụ lục của Kế hoạch"), requirement, purpose or
 * background statements, and the boilerplate closing clauses of a decision.
 */

/** "Thời hạn ban hành: …", "Kinh phí thực hiện: …": a labelled field, not a duty. */
const FIELD_LINE =
  /^(?:Thời hạn|Thời gian|Tiến độ|Kinh phí|Nguồn kinh phí|Nguồn vốn|Sản phẩm|Kết quả|Cơ quan|Đơn vị|Hình thức|Địa điểm|Số lượng|Phạm vi|Đối tượng)[^:.;]{0,40}:/u;

/** Sentences whose whole content is a pointer to the appendix or to another part. */
const POINTER =
  /^(?:\(?\s*(?:chi tiết|cụ thể|nội dung)\s+(?:tại|theo|như)\s+(?:các\s+)?Phụ lục|(?:Thực hiện|Triển khai|Chủ trì thực hiện)[^.;]{0,80}(?:tại|theo|ở|trong)\s+(?:các\s+)?Phụ lục[^.;]{0,60}[.;]?$)/iu;

/** Requirement, purpose, viewpoint and background statements. */
const STATEMENT =
  /^(?:Mục đích|Yêu cầu|Mục tiêu|Quan điểm|Căn cứ pháp lý|Sự cần thiết|Đối tượng áp dụng|Phạm vi)\b/u;

/**
 * "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc … báo cáo", "… chịu trách nhiệm thi hành Quyết định
 * này", "… căn cứ Quyết định thi hành./.", "Trên đây là Kế hoạch …" (the closing sentence).
 */
const BOILERPLATE =
  /^(?:Trên đây là\s|(?:căn cứ\s+(?:Quyết định|Nghị quyết|Chỉ thị|Thông tư|Nghị định|Quy chế|Quy định)(?:\s+này)?\s+(?:để\s+)?)?thi hành(?:\s+(?:Quyết định|Nghị quyết|Chỉ thị|Thông tư|Nghị định|Quy chế|Quy định) này)?[\s./*]*$|thi hành (?:Quyết định|Nghị quyết|Chỉ thị|Thông tư|Nghị định|Quy chế|Quy định) này|Trong quá trình (?:tổ chức )?(?:thực hiện|triển khai)[^.;]{0,40}(?:nếu có|nếu phát sinh|trường hợp có)|[^.;]{0,200}chịu trách nhiệm thi hành (?:Quyết định|Nghị quyết|Chỉ thị|Thông tư|Nghị định|Quy chế|Quy định))/iu;

/** "Yêu cầu các sở, ban, ngành … nghiêm túc triển khai thực hiện./.": the closing call names no duty of its own. */
const GENERIC_EXECUTION =
  /^(?:nghiêm túc|khẩn trương)\s+(?:tổ chức\s+)?(?:triển khai\s+)?thực hiện(?:\s+nghiêm túc)?[\s./*]*$/iu;

/**
 * Predicates that report, grant, describe or compose rather than assign: "đã ban hành …" (a result),
 * "được phép / được quyền sử dụng …",
 * "chỉ được …", "có quyền …", "chịu sự thanh tra …", "làm việc theo chế độ tập thể", "gồm Giám đốc, …".
 */
const NOT_A_DUTY =
  /^(?:đã|đang|được\s+(?:phép|quyền|hưởng|ủy thác|sử dụng)|chỉ được|có quyền|chịu sự|làm việc theo|gồm|bao gồm)(?=[\s,:]|$)/iu;

/** Duty verbs: a title without one and without a full stop reads as a heading. */
const DUTY_VERB =
  /(?:^|\s)(?:chủ trì|phối hợp|thực hiện|tham mưu|triển khai|xây dựng|bảo đảm|đảm bảo|bố trí|tổ chức|hướng dẫn|kiểm tra|theo dõi|rà soát|tuyên truyền|báo cáo|đề xuất|ban hành|trình|chỉ đạo|giám sát|nghiên cứu|cung cấp|tiếp nhận|quản lý|phê duyệt|nâng cao|tăng cường|đẩy mạnh|hỗ trợ|phát triển|hoàn thiện|tổng hợp|đôn đốc|tập trung|chủ động|tiếp tục|huy động|cập nhật|công khai|lồng ghép|phổ biến|quán triệt|thẩm định|xử lý|giải quyết|kiện toàn|vận động|khắc phục|lập|điều chỉnh|sửa đổi|ứng dụng|đánh giá|cân đối|phân bổ|tham gia|đào tạo|thu hút|khuyến khích|duy trì|vận hành|số hóa|kết nối|chia sẻ|cấp|ký|thống kê|chịu trách nhiệm|có trách nhiệm|là cơ quan|làm đầu mối|tiếp thu|chỉnh lý|rà soát|bổ sung|thành lập|bàn giao|hoàn thành|nghiệm thu|phát động|biên soạn|in|phát hành|xác định|thông tin|định kỳ|thường xuyên|kịp thời|khẩn trương|khẩn cấp|cung ứng|tiếp tế|sơ kết|tổng kết|thi hành|phát hiện|ngăn chặn|phòng ngừa|phòng, chống|ưu tiên|sử dụng|áp dụng|quyết định|cho ý kiến|có ý kiến|lấy ý kiến|xem xét|thừa ủy quyền|thay mặt)(?=[\s,.;:]|$)/iu;

/**
 * True when `title` states a duty. A labelled block may be titled by the heading it sits under ("Lĩnh vực
 * Y - Dược" over "Đơn vị chủ trì: Sở Y tế"), so `labelled` titles need no duty verb.
 */
export function isDutyTitle(title: string, labelled = false): boolean {
  const t = title.trim();
  if (t.replace(/[\s:.;,…-]+/gu, '').length < 8) return false;
  if (FIELD_LINE.test(t) || POINTER.test(t) || STATEMENT.test(t) || BOILERPLATE.test(t)) return false;
  if (GENERIC_EXECUTION.test(t) || NOT_A_DUTY.test(t)) return false;
  if (/^(?:Nhiệm vụ|Trách nhiệm|Nhiệm vụ, giải pháp)(?:\s+\p{Ll}+){0,3}\s*:?$/u.test(t)) return false;
  return labelled || DUTY_VERB.test(t) || /[.;]$/u.test(t) || t.split(' ').length > 20;
}
