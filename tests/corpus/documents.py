"""The corpus: documents typed by hand the ways real offices type them, each with its exact findings.

Every document reproduces habits seen in real administrative DOCX files (issue 12):
tables used for layout, captions over tables, text boxes, spaces and tabs for centring,
text without diacritics, hidden text, rows of underscores for rules, no-break spaces and
quotes, left indents. Each ships with the findings a careful reader of Nghị định
30/2020/NĐ-CP gives it — ``(rule, where)``, where is the start of the quoted line or the
component — and with the core parts that must be recognised. A document is clean unless
it plants a fault the checker once missed (issue 12, "Misses").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from corpus import decisions, papers


@dataclass(frozen=True)
class Sample:
    """One corpus document: how it is typed, what a checker must find, what it must recognise."""

    name: str
    about: str  # the habit it reproduces (Vietnamese: it is shown in the scoring report)
    build: Callable[[], bytes]
    expected: tuple[tuple[str, str], ...] = ()  # (rule id, start of the excerpt or the component)
    core: dict[str, str] = field(default_factory=dict)  # Part field → start of its text


_HEADER_CORE = {"number": "Số: ", "place_date": "An Bình, ngày", "national_title": "CỘNG HÒA",
                "recipients_label": "Nơi nhận:"}

SAMPLES = (
    Sample("ke-hoach-tu-go", "Kế hoạch gõ tay: căn cứ chữ đứng, ngày viết bằng dấu gạch chéo, khoản có tiêu đề "
           "không đậm, lùi trái thay lùi đầu dòng", papers.plan,
           (("ND30-BASIS-ITALIC", "Căn cứ Nghị quyết số 76"), ("ND30-BASIS-ITALIC", "Căn cứ Kế hoạch số 45"),
            ("ND30-BASIS-PUNCTUATION", "Căn cứ Kế hoạch số 45"), ("ND30-CITED-DATE-PADDING", "Căn cứ Kế hoạch số 45"),
            ("ND30-CLAUSE-TITLE-BOLD", "2. Yêu cầu")),
           {**_HEADER_CORE, "doc_type": "KẾ HOẠCH", "summary": "Triển khai", "bases": "Căn cứ Nghị quyết",
            "recipients": "- UBND huyện", "signer_titles": "TM. ỦY BAN", "signer_name": "Trần Văn Hùng"}),
    Sample("quyet-dinh-bang-bo-cuc", "Quyết định dùng bảng để dàn trang: Nơi nhận một hàng, các mục ở hàng sau; "
           "dấu cách không ngắt sau \"Điều 1.\"; ngoặc kép trước \"1.\"; số trang trong khung văn bản; chữ ẩn, "
           "chữ trắng", decisions.decision_in_tables, (),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Sửa đổi", "authority": "CHỦ TỊCH ỦY BAN",
            "bases": "Căn cứ Luật", "decides": "QUYẾT ĐỊNH:", "recipients": "- Như Điều 3;",
            "signer_titles": "CHỦ TỊCH", "signer_name": "Nguyễn Văn Nam"}),
    Sample("bao-cao-trich-yeu-trong-bang", "Báo cáo: trích yếu trong ô bảng dưới \"BÁO CÁO\", đường kẻ bằng dấu gạch "
           "dưới, \"- Như trên (Báo cáo);\", chữ ẩn trong khối chữ ký", papers.report_in_a_cell, (),
           {**_HEADER_CORE, "doc_type": "BÁO CÁO", "summary": "Kết quả thực hiện", "addressee": "Kính gửi:",
            "recipients": "- Như trên (Báo cáo);", "signer_titles": "TM. ỦY BAN", "signer_name": "Lê Thị Hoa"}),
    Sample("cong-van-khong-dau", "Công văn gõ không dấu (\"So: /BTC-TCCB\")", papers.letter_without_diacritics,
           (("ND30-TEXT-DIACRITICS", "Toàn văn bản"),),
           {"number": "So:", "place_date": "Ha Noi", "national_title": "CONG HOA", "letter_summary": "V/v",
            "issuing_body": "BO TAI CHINH", "addressee": "Kinh gui", "recipients_label": "Noi nhan:",
            "recipients": "- Nhu tren;", "signer_titles": "TL. BO TRUONG", "signer_name": "Nguyen Van Binh"}),
    Sample("phu-luc-bieu-mau", "Phụ lục riêng: dòng Kèm theo hai dòng, \"Biểu mẫu N\" căn giữa có dòng thứ hai, "
           "đơn vị tính căn phải trên mỗi bảng", papers.appendix_of_forms, (),
           {"appendix_label": "Phụ lục", "appendix_title": "BIỂU MẪU BÁO CÁO", "attached_to": "(Kèm theo"}),
    Sample("quyet-dinh-can-bang-dau-cach", "Quyết định không dùng bảng: căn giữa bằng dấu cách và dấu tab, đường kẻ "
           "vẽ bằng hình", decisions.decision_centred_by_hand,
           (("ND30-CENTRED-BY-SPACES", "QUYẾT ĐỊNH"), ("ND30-CENTRED-BY-SPACES", "Về việc thành lập")),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Về việc thành lập", "authority": "CHỦ TỊCH ỦY BAN",
            "bases": "Căn cứ Luật", "decides": "QUYẾT ĐỊNH:", "recipients": "- Như Điều 3;",
            "signer_titles": "CHỦ TỊCH", "signer_name": "Phạm Văn Đức"}),
    Sample("quyet-dinh-thieu-tham-quyen", "Quyết định thiếu dòng thẩm quyền, dòng ngày thấp hơn dòng Số khoảng 1,5 "
           "dòng", decisions.decision_without_authority,
           (("ND30-AUTHORITY-MISSING", "Căn cứ Luật Tổ chức"), ("ND30-DATE-SAME-LINE", "An Bình, ngày 12")),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Về việc giao", "bases": "Căn cứ Luật",
            "decides": "QUYẾT ĐỊNH:", "signer_name": "Trần Văn Hùng"}),
    Sample("quyet-dinh-kem-quy-che", "Quyết định kèm Quy chế: lề trái sai ở cả hai section, \"(Ban hành kèm theo …)\" "
           "không có đường kẻ, điểm in nghiêng", decisions.decision_with_regulation,
           (("ND30-MARGIN-LEFT", "Lề trang (section 1, 2)"), ("ND30-ATTACHED-RULE", "(Ban hành kèm theo"),
            ("ND30-POINT-ITALIC", "a) Mỗi việc"), ("ND30-POINT-ITALIC", "b) Bảo đảm"),
            ("ND30-POINT-ITALIC", "c) Công khai")),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Ban hành Quy chế", "authority": "ỦY BAN NHÂN DÂN",
            "bases": "Căn cứ Luật", "decides": "QUYẾT ĐỊNH:", "signer_name": "Trần Văn Hùng"}),
    Sample("to-trinh-quoc-hieu-xuong-dong", "Tờ trình: cột bên phải hẹp, Quốc hiệu xuống hai dòng",
           papers.submission_narrow_header, (("ND30-NATIONAL-TITLE-ONE-LINE", "CỘNG HÒA XÃ HỘI"),),
           {**_HEADER_CORE, "doc_type": "TỜ TRÌNH", "summary": "Về việc đề nghị", "addressee": "Kính gửi:",
            "bases": "Căn cứ Luật", "recipients": "- Như trên;", "signer_name": "Trần Văn Hùng"}),
    Sample("thong-bao-quoc-hieu-hai-dong", "Thông báo: Quốc hiệu gõ thành hai dòng, đường kẻ bằng dấu gạch dưới, "
           "Tiêu ngữ gạch chân", papers.notice_two_line_title, (("ND30-NATIONAL-TITLE-ONE-LINE", "CỘNG HÒA XÃ HỘI"),),
           {**_HEADER_CORE, "doc_type": "THÔNG BÁO", "summary": "Kết luận", "issuing_body": "ỦY BAN NHÂN DÂN",
            "recipients": "- Các công chức", "signer_titles": "TL. CHỦ TỊCH", "signer_name": "Đỗ Thị Lan"}),
    Sample("quyet-dinh-phong-co-chu-quan", "Quyết định của phòng: tên cơ quan chủ quản, dòng thẩm quyền hai dòng, danh "
           "sách thành viên đánh số 1., 2. không có tiêu đề", decisions.unit_decision, (),
           {"number": "Số: 07/QĐ-PNV", "place_date": "An Lão, ngày", "governing_body": "UBND HUYỆN",
            "issuing_body": "PHÒNG NỘI VỤ", "doc_type": "QUYẾT ĐỊNH", "summary": "Thành lập",
            "authority": "TRƯỞNG PHÒNG NỘI VỤ", "bases": "Căn cứ Quyết định", "decides": "QUYẾT ĐỊNH:",
            "recipients": "- Như Điều 3;", "signer_titles": "TRƯỞNG PHÒNG", "signer_name": "Phạm Thị Hạnh"}),
    Sample("ke-hoach-co-bang-nhiem-vu", "Kế hoạch có bảng nhiệm vụ: tên bảng, đơn vị tính, ghi chú dưới bảng; số trang "
           "ở chân trang; một đoạn căn trái", papers.plan_with_task_table,
           (("ND30-PAGE-NUMBER-POSITION", "Số trang (section 1)"), ("ND30-BODY-ALIGN", "Công chức Tư pháp - Hộ tịch")),
           {**_HEADER_CORE, "doc_type": "KẾ HOẠCH", "summary": "Số hóa", "bases": "Căn cứ Quyết định số 468",
            "captions": "Bảng 1.", "signer_name": "Trần Văn Hùng"}),
    Sample("bao-cao-go-bang-tab", "Báo cáo không dùng bảng: phần đầu gõ bằng dấu tab, hai nơi nhận sau Kính gửi, khối "
           "chữ ký căn giữa trên \"Nơi nhận:\", ghi chú (Đã ký)", papers.report_typed_with_tabs, (),
           {**_HEADER_CORE, "doc_type": "BÁO CÁO", "summary": "Kết quả kiểm soát", "addressee": "Kính gửi:",
            "addressee_items": "- Văn phòng", "recipients": "- Như trên;", "signer_titles": "TM. ỦY BAN",
            "signer_name": "Trần Văn Hùng"}),
    Sample("cong-van-hai-trang", "Công văn hai trang: V/v hai dòng, số trang ở chân trang, ngày trích dẫn \"5/8/2025\"",
           papers.long_letter_footer_numbers,
           (("ND30-PAGE-NUMBER-POSITION", "Số trang (section 1)"), ("ND30-CITED-DATE-PADDING", "Thực hiện Công văn")),
           {**_HEADER_CORE, "letter_summary": "V/v đôn đốc", "addressee": "Kính gửi:", "recipients": "- Như trên;",
            "signer_name": "Trần Văn Hùng"}),
)

#: Documents also checked as LibreOffice saves them: the same findings are expected.
RESAVED = ("ke-hoach-tu-go", "quyet-dinh-bang-bo-cuc", "bao-cao-trich-yeu-trong-bang", "phu-luc-bieu-mau")
