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

from docx.shared import RGBColor

from corpus.kit import (
    CELL_MARGINS_MM,
    LEFT,
    MOTTO,
    NATIONAL,
    RIGHT,
    Typist,
    grid_rows,
    line,
    page,
    para,
    rule,
    rule_length,
    run,
    shape,
    table,
    tabs,
    underscores,
)

BODY = ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH")
SIGNER = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
WHITE = RGBColor(0xFF, 0xFF, 0xFF)


@dataclass(frozen=True)
class Sample:
    """One corpus document: how it is typed, what a checker must find, what it must recognise."""

    name: str
    about: str  # the habit it reproduces (Vietnamese: it is shown in the scoring report)
    build: Callable[[], bytes]
    expected: tuple[tuple[str, str], ...] = ()  # (rule id, start of the excerpt or the component)
    core: dict[str, str] = field(default_factory=dict)  # Part field → start of its text


# --- a plan typed with direct formatting -------------------------------------------------------------


def plan() -> bytes:
    """Kế hoạch: upright căn cứ, the last ending in ";"; a slash date; a titled khoản not bold;
    bullets indented by a left indent with no first-line indent."""
    t = Typist()
    t.header(BODY, "Số: 12/KH-UBND", "An Bình, ngày 15 tháng 8 năm 2025")
    t.title("KẾ HOẠCH", "Triển khai công tác cải cách hành chính 6 tháng cuối năm 2025")
    t.bases(["Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình "
             "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
             "Căn cứ Kế hoạch số 45/KH-UBND ngày 30/07/2025 của Ủy ban nhân dân huyện An Lão về cải cách "
             "hành chính năm 2025;"], italic=False)
    t.body("Ủy ban nhân dân xã An Bình xây dựng Kế hoạch triển khai công tác cải cách hành chính 6 tháng cuối "
           "năm 2025 như sau:")
    t.heading("I. MỤC ĐÍCH, YÊU CẦU")
    t.heading("1. Mục đích")
    for text in ("- Nâng cao chất lượng phục vụ người dân, doanh nghiệp trong giải quyết thủ tục hành chính;",
                 "- Phấn đấu hoàn thành các chỉ tiêu cải cách hành chính huyện giao."):
        t.body(text, first=None, left=12.7)
    t.body("2. Yêu cầu")
    for text in ("a) Bám sát chỉ đạo của Ủy ban nhân dân huyện, gắn với nhiệm vụ phát triển kinh tế - xã hội;",
                 "b) Phân công rõ cơ quan chủ trì, thời hạn và sản phẩm của từng nhiệm vụ."):
        t.body(text)
    t.heading("II. NHIỆM VỤ TRỌNG TÂM")
    t.heading("1. Cải cách thủ tục hành chính")
    t.body("Rà soát, công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa; tiếp nhận, giải quyết hồ sơ đúng "
           "hạn, không để tồn đọng; số hóa kết quả giải quyết thủ tục hành chính.")
    t.heading("2. Cải cách chế độ công vụ")
    t.body("Rà soát vị trí việc làm; đánh giá, xếp loại cán bộ, công chức theo kết quả thực hiện nhiệm vụ.")
    t.heading("III. TỔ CHỨC THỰC HIỆN")
    t.body("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã theo dõi, tổng hợp, báo cáo kết quả thực hiện "
           "Kế hoạch trước ngày 15 tháng 12 năm 2025./.")
    t.closing(("- UBND huyện An Lão;", "- Thường trực Đảng ủy xã;", "- Các ban, ngành, đoàn thể xã;",
               "- Lưu: VT, VHXH."), SIGNER, "Trần Văn Hùng")
    return t.bytes()


# --- a decision laid out in tables, with the small things of real typing ------------------------------

_QUOTED = (
    "Ủy ban nhân dân xã làm việc theo chế độ kết hợp trách nhiệm của tập thể với trách nhiệm cá nhân của "
    "Chủ tịch Ủy ban nhân dân xã; mỗi việc chỉ được giao một cơ quan, một người phụ trách và chịu trách "
    "nhiệm chính; cấp trên không làm thay công việc của cấp dưới, tập thể không làm thay công việc của cá nhân.",
    "Chủ tịch Ủy ban nhân dân xã lãnh đạo, điều hành công việc của Ủy ban nhân dân, chịu trách nhiệm cá nhân "
    "về việc thực hiện nhiệm vụ, quyền hạn của mình và cùng tập thể Ủy ban nhân dân xã chịu trách nhiệm về "
    "hoạt động của Ủy ban nhân dân xã trước Hội đồng nhân dân xã và Ủy ban nhân dân huyện.",
    "Các Phó Chủ tịch Ủy ban nhân dân xã được Chủ tịch phân công phụ trách lĩnh vực công tác, chịu trách "
    "nhiệm trước Chủ tịch, trước Ủy ban nhân dân xã về lĩnh vực được giao và cùng các thành viên khác chịu "
    "trách nhiệm tập thể về hoạt động của Ủy ban nhân dân xã.",
    "Công chức chuyên môn chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân xã về kết quả thực hiện nhiệm vụ "
    "được giao; chủ động đề xuất, tham mưu giải quyết công việc thuộc lĩnh vực phụ trách, không đùn đẩy, "
    "né tránh trách nhiệm, bảo đảm đúng quy trình, thời hạn giải quyết.",
    "Thời gian giải quyết công việc theo đúng quy định của pháp luật và Quy chế này; trường hợp quá hạn phải "
    "báo cáo rõ lý do, xin lỗi tổ chức, cá nhân và có văn bản báo cáo Chủ tịch Ủy ban nhân dân xã.",
)


def decision_in_tables() -> bytes:
    """Quyết định: Số and date in a second header row; "Nơi nhận:" in one row and its items in
    the next; a no-break space after each bold "Điều N."; a quoted passage opening with “1.;
    the page number in a text box; hidden and white text in the signature table."""
    t = Typist(text_box=True)
    t.header(BODY, "Số: 18/QĐ-UBND", "An Bình, ngày 02 tháng 6 năm 2025", split_rows=True)
    t.title("QUYẾT ĐỊNH", "Sửa đổi, bổ sung Quy chế làm việc của Ủy ban nhân dân xã An Bình")
    line(t.doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", 14, bold=True, before=12, after=6)
    t.bases(["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
             "Căn cứ Quyết định số 05/QĐ-UBND ngày 06 tháng 01 năm 2025 của Ủy ban nhân dân xã ban hành "
             "Quy chế làm việc của Ủy ban nhân dân xã;",
             "Theo đề nghị của Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã."])
    line(t.doc, "QUYẾT ĐỊNH:", 14, bold=True, before=12, after=6)
    t.article(1, "Sửa đổi, bổ sung Điều 5 Quy chế làm việc của Ủy ban nhân dân xã như sau:", space="\u00a0")
    for number, text in enumerate(_QUOTED, start=1):
        opening, closing = ("“" if number == 1 else ""), ("”" if number == len(_QUOTED) else "")
        t.body(f"{opening}{number}. {text}{closing}", first=None, left=12.7)
    t.article(2, "Quyết định này có hiệu lực kể từ ngày ký.", space="\u00a0")
    t.article(3, "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, công chức chuyên môn và các cơ quan, "
                 "đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.", space="\u00a0")
    grid = t.closing(("- Như Điều 3;", "- UBND huyện An Lão;", "- Lưu: VT, VP."), ("CHỦ TỊCH",),
                     "Nguyễn Văn Nam", split_rows=True)
    signer, name_cell = grid.rows[0].cells[1], grid.rows[1].cells[1]
    hidden = line(signer, "", 14)
    run(hidden, "Người ký thay: Phó Chủ tịch Lê Văn Tâm", 14, bold=True, hidden=True)
    note = line(name_cell, "", 11, align=LEFT)
    run(note, "bản lưu nội bộ", 11, color=WHITE)
    return t.bytes()


# --- a report: trích yếu in a table cell, "Như trên (Báo cáo)", hidden text -----------------------------


def report_in_a_cell() -> bytes:
    """Báo cáo: the trích yếu typed in a one-cell table under "BÁO CÁO" with a row of
    underscores under it; "- Như trên (Báo cáo);"; hidden text at the top of the signer's cell."""
    t = Typist()
    t.header(BODY, "Số: 35/BC-UBND", "An Bình, ngày 20 tháng 6 năm 2025")
    summary = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2025"
    line(t.doc, "BÁO CÁO", 14, bold=True, before=18)
    cell = table(t.doc, [165.0]).rows[0].cells[0]
    line(cell, summary, 14, bold=True)
    underscores(cell, [summary], 14, 165 - CELL_MARGINS_MM)
    line(t.doc, "Kính gửi: Ủy ban nhân dân huyện An Lão.", 14, before=12)
    t.body("Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2025 của Ủy ban nhân dân xã, Ủy ban nhân dân "
           "xã An Bình báo cáo kết quả thực hiện như sau:")
    t.heading("I. KẾT QUẢ ĐẠT ĐƯỢC")
    t.heading("1. Công tác chỉ đạo, điều hành")
    t.body("Ủy ban nhân dân xã ban hành kế hoạch cải cách hành chính đúng thời hạn, phân công rõ trách nhiệm "
           "của từng công chức; kiểm tra việc thực hiện tại Bộ phận Một cửa hằng tháng.")
    t.heading("2. Cải cách thủ tục hành chính")
    t.body("Tiếp nhận 1.245 hồ sơ, giải quyết đúng hạn 1.240 hồ sơ (đạt 99,6%); đến ngày 15/6/2025 không còn "
           "hồ sơ quá hạn.")
    t.heading("II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM")
    t.body("Tiếp tục thực hiện các nhiệm vụ còn lại của kế hoạch, nâng cao tỷ lệ hồ sơ trực tuyến./.")
    grid = t.closing(("- Như trên (Báo cáo);", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."),
                     ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Lê Thị Hoa")
    signer = grid.rows[0].cells[1]
    hidden = line(signer, "", 14)
    run(hidden, "Dự thảo lần 2 - không in", 14, bold=True, hidden=True)
    signer.paragraphs[0]._p.addprevious(hidden._p)
    return t.bytes()


# --- a letter typed without diacritics ---------------------------------------------------------------


def letter_without_diacritics() -> bytes:
    """Công văn typed without diacritics, number left blank: "So:      /BTC-TCCB"."""
    t = Typist()
    t.header(("BO TAI CHINH",), "So:      /BTC-TCCB", "Ha Noi, ngay      thang 7 nam 2025",
             letter_summary=("V/v cu can bo tham du tap huan",), title_lines=("CONG HOA XA HOI CHU NGHIA VIET NAM",),
             motto="Doc lap - Tu do - Hanh phuc")
    line(t.doc, "Kinh gui: Cuc Thue thanh pho Ha Noi.", 14, before=12)
    t.body("Thuc hien Ke hoach so 120/KH-BTC ngay 10 thang 6 nam 2025 cua Bo Tai chinh ve to chuc tap huan "
           "nghiep vu, Vu To chuc can bo de nghi Cuc Thue thanh pho Ha Noi cu can bo tham du tap huan nhu sau:")
    t.body("- Lanh dao Phong To chuc can bo: 01 nguoi;")
    t.body("- Chuyen vien phu trach cong tac cai cach hanh chinh: 01 nguoi.")
    t.body("Danh sach can bo tham du gui ve Vu To chuc can bo truoc ngay 25 thang 7 nam 2025 de tong hop./.")
    t.closing(("- Nhu tren;", "- Luu: VT, TCCB."), ("TL. BO TRUONG", "VU TRUONG VU TO CHUC CAN BO"),
              "Nguyen Van Binh", label="Noi nhan:")
    return t.bytes()


# --- a stand-alone appendix of forms -----------------------------------------------------------------


def appendix_of_forms() -> bytes:
    """Phụ lục: a two-line "(Kèm theo Quyết định … / của UBND tỉnh …)"; captions "Biểu mẫu N"
    centred with a second line, a note and a right-aligned unit over each table."""
    t = Typist()
    page(t.doc.sections[0], landscape=True, restart=False)
    line(t.doc, "Phụ lục", 14, bold=True)
    title = "BIỂU MẪU BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH"
    line(t.doc, title, 14, bold=True)
    line(t.doc, "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 3 năm 2025", 14, italic=True)
    line(t.doc, "của Ủy ban nhân dân tỉnh Hải Phòng)", 14, italic=True)
    rule(t.doc, rule_length([title], 14, 252), 252)
    forms = (("Biểu mẫu 1", "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "hồ sơ",
              [("STT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn", "Quá hạn"), ("1", "Tư pháp - Hộ tịch", "", "", ""),
               ("2", "Đất đai", "", "", "")]),
             ("Biểu mẫu 2", "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "nhiệm vụ",
              [("STT", "Nội dung", "Kế hoạch", "Hoàn thành", "Ghi chú"), ("1", "Cải cách thể chế", "", "", ""),
               ("2", "Cải cách thủ tục hành chính", "", "", "")]))
    for label, heading, unit, rows in forms:
        line(t.doc, label, 13, bold=True, before=12)
        line(t.doc, heading, 13, bold=True)
        line(t.doc, "(Số liệu tính từ ngày 01 tháng 01 đến ngày 31 tháng 3 năm 2025)", 13, italic=True)
        line(t.doc, f"Đơn vị tính: {unit}", 12, italic=True, align=RIGHT)
        grid_rows(t.doc, [15, 95, 45, 45, 45], rows)
    t.body("Ghi chú: Đơn vị báo cáo ghi đầy đủ số liệu theo từng chỉ tiêu; trường hợp không phát sinh thì ghi số 0.")
    return t.bytes()


# --- a decision centred with spaces and tabs ---------------------------------------------------------


def decision_centred_by_hand() -> bytes:
    """Quyết định typed without tables: header lines shared with tabs, "QUYẾT ĐỊNH" pushed to
    the middle with spaces, the trích yếu with tabs, rules drawn as shapes."""
    t = Typist()
    tabs(t.doc, ("ỦY BAN NHÂN DÂN", 13, True, False), (NATIONAL, 12, True, False))
    shape(tabs(t.doc, ("XÃ AN BÌNH", 13, True, False), (MOTTO, 13, True, False)))
    tabs(t.doc, ("Số: 21/QĐ-UBND", 13, False, False), ("An Bình, ngày 10 tháng 4 năm 2025", 13, False, True))
    line(t.doc, " " * 38 + "QUYẾT ĐỊNH", 14, bold=True, align=LEFT, before=18)
    summary = line(t.doc, align=LEFT)
    run(summary, "\t\t")
    run(summary, "Về việc thành lập Tổ công tác cải cách hành chính xã", 14, bold=True)
    shape(line(t.doc))
    line(t.doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", 14, bold=True, before=12, after=6)
    t.bases(["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
             "Xét đề nghị của Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã."])
    line(t.doc, "QUYẾT ĐỊNH:", 14, bold=True, before=12, after=6)
    t.article(1, "Thành lập Tổ công tác cải cách hành chính xã An Bình gồm 05 thành viên do Phó Chủ tịch Ủy ban "
                 "nhân dân xã làm Tổ trưởng.")
    t.article(2, "Quyết định này có hiệu lực kể từ ngày ký.")
    t.article(3, "Chánh Văn phòng và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định này./.")
    tabs(t.doc, ("Nơi nhận:", 12, True, True), ("CHỦ TỊCH", 14, True, False))
    tabs(t.doc, ("- Như Điều 3;", 11, False, False), None)
    tabs(t.doc, ("- Lưu: VT, VP.", 11, False, False), None)
    for _ in range(3):
        line(t.doc, align=LEFT)
    tabs(t.doc, None, ("Phạm Văn Đức", 14, True, False))
    return t.bytes()


# --- a decision with no authority line, its date below the Số line ------------------------------------


def decision_without_authority() -> bytes:
    """Quyết định: no authority line before the căn cứ; the date typed an empty line and 6 pt
    below the level of the Số line."""
    t = Typist()
    left, right = table(t.doc, [70.0, 95.0]).rows[0].cells
    for text in BODY:
        line(left, text, 13, bold=True)
    rule(left, rule_length(list(BODY), 13, 66.2), 66.2)
    line(left, "Số: 20/QĐ-UBND", 13)
    line(right, NATIONAL, 12, bold=True)
    line(right, MOTTO, 13, bold=True)
    rule(right, 56.1, 91.2)
    line(right)
    line(right, "An Bình, ngày 12 tháng 5 năm 2025", 13, italic=True, before=6)
    t.title("QUYẾT ĐỊNH", "Về việc giao chỉ tiêu giải quyết hồ sơ trực tuyến năm 2025")
    t.bases(["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
             "Căn cứ Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2025 của Ủy ban nhân dân xã;",
             "Theo đề nghị của công chức Văn phòng - Thống kê."])
    line(t.doc, "QUYẾT ĐỊNH:", 14, bold=True, before=12, after=6)
    t.article(1, "Giao chỉ tiêu giải quyết hồ sơ trực tuyến toàn trình năm 2025 là 80% tổng số hồ sơ.")
    t.article(2, "Quyết định này có hiệu lực kể từ ngày ký.")
    t.article(3, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã chịu trách nhiệm thi hành Quyết định này./.")
    t.closing(("- Như Điều 3;", "- Lưu: VT, VP."), SIGNER, "Trần Văn Hùng")
    return t.bytes()


# --- a decision and the regulation it issues, margins wrong in both sections --------------------------


def decision_with_regulation() -> bytes:
    """Quyết định and the Quy chế it issues in two sections, both with a 25 mm left margin;
    "(Ban hành kèm theo …)" with no rule under it; điểm typed in italics."""
    t = Typist(left=25)
    t.header(BODY, "Số: 25/QĐ-UBND", "An Bình, ngày 20 tháng 5 năm 2025")
    t.title("QUYẾT ĐỊNH", "Ban hành Quy chế làm việc của Ủy ban nhân dân xã An Bình")
    line(t.doc, "ỦY BAN NHÂN DÂN XÃ AN BÌNH", 14, bold=True, before=12, after=6)
    t.bases(["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
             "Theo đề nghị của Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã."])
    line(t.doc, "QUYẾT ĐỊNH:", 14, bold=True, before=12, after=6)
    t.article(1, "Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân xã An Bình.")
    t.article(2, "Quyết định này có hiệu lực kể từ ngày ký.")
    t.article(3, "Chánh Văn phòng và công chức chuyên môn chịu trách nhiệm thi hành Quyết định này./.")
    t.closing(("- Như Điều 3;", "- Lưu: VT, VP."), SIGNER, "Trần Văn Hùng")
    t.new_section()
    t.header(BODY, None, None)
    line(t.doc, "QUY CHẾ", 14, bold=True, before=18)
    line(t.doc, "Làm việc của Ủy ban nhân dân xã An Bình", 14, bold=True)
    line(t.doc, "(Ban hành kèm theo Quyết định số 25/QĐ-UBND ngày 20 tháng 5 năm 2025 của Ủy ban nhân dân "
                "xã An Bình)", 14, italic=True)
    line(t.doc, "Chương I", 14, bold=True, before=12)
    line(t.doc, "QUY ĐỊNH CHUNG", 14, bold=True, before=6)
    t.heading("Điều 1. Phạm vi điều chỉnh")
    t.body("Quy chế này quy định nguyên tắc, chế độ trách nhiệm, lề lối làm việc, quan hệ công tác và trình tự "
           "giải quyết công việc của Ủy ban nhân dân xã An Bình.")
    t.heading("Điều 2. Nguyên tắc làm việc")
    t.body("1. Ủy ban nhân dân xã làm việc theo nguyên tắc tập trung dân chủ, đề cao trách nhiệm cá nhân.")
    t.body("2. Giải quyết công việc đúng phạm vi thẩm quyền, trong đó:")
    for text in ("a) Mỗi việc chỉ được giao một người phụ trách;",
                 "b) Bảo đảm tuân thủ trình tự, thủ tục và thời hạn giải quyết công việc;",
                 "c) Công khai, minh bạch trong hoạt động."):
        t.body(text, italic=True)
    t.body("3. Chủ tịch Ủy ban nhân dân xã kiểm tra việc thực hiện Quy chế này./.")
    return t.bytes()


# --- two documents whose Quốc hiệu does not hold on one line ------------------------------------------


def submission_narrow_header() -> bytes:
    """Tờ trình whose header table gives the Quốc hiệu an 80 mm column: it wraps onto two lines."""
    t = Typist()
    t.header(BODY, "Số: 08/TTr-UBND", "An Bình, ngày 14 tháng 7 năm 2025", left_mm=85, right_mm=80)
    t.title("TỜ TRÌNH", "Về việc đề nghị phê duyệt danh mục thủ tục hành chính thực hiện tại xã")
    line(t.doc, "Kính gửi: Ủy ban nhân dân huyện An Lão.", 14, before=12)
    t.bases(["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
             "Căn cứ Quyết định số 1085/QĐ-UBND ngày 12 tháng 6 năm 2025 của Ủy ban nhân dân tỉnh Hải Phòng."])
    t.body("Ủy ban nhân dân xã An Bình kính trình Ủy ban nhân dân huyện xem xét, phê duyệt danh mục 45 thủ tục "
           "hành chính thực hiện tại xã (có danh mục kèm theo).")
    t.body("Ủy ban nhân dân xã An Bình kính trình Ủy ban nhân dân huyện xem xét, quyết định./.")
    t.closing(("- Như trên;", "- Lưu: VT, VP."), SIGNER, "Trần Văn Hùng")
    return t.bytes()


def notice_two_line_title() -> bytes:
    """Thông báo: the Quốc hiệu typed as two lines; rows of underscores under the issuing body
    and the trích yếu; the Tiêu ngữ underlined."""
    t = Typist()
    left, right = table(t.doc, [70.0, 95.0]).rows[0].cells
    for text in BODY:
        line(left, text, 13, bold=True)
    underscores(left, list(BODY), 13, 66.2)
    line(left, "Số: 40/TB-UBND", 13)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 12, bold=True)
    line(right, "VIỆT NAM", 12, bold=True)
    motto = line(right, "", 13)
    run(motto, MOTTO, 13, bold=True).underline = True
    line(right, "An Bình, ngày 25 tháng 7 năm 2025", 13, italic=True)
    summary = "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban tháng 7 năm 2025"
    line(t.doc, "THÔNG BÁO", 14, bold=True, before=18)
    line(t.doc, summary, 14, bold=True)
    underscores(t.doc, [summary], 14, 165)
    t.body("Ngày 24 tháng 7 năm 2025, Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp giao ban. Sau khi nghe báo "
           "cáo, Chủ tịch Ủy ban nhân dân xã kết luận như sau:")
    t.body("1. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã rà soát, công khai thủ tục hành chính.")
    t.body("2. Các công chức chuyên môn hoàn thành số hóa hồ sơ trước ngày 30 tháng 8 năm 2025./.")
    t.closing(("- Các công chức chuyên môn;", "- Lưu: VT, VP."), ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
              "Đỗ Thị Lan")
    return t.bytes()


# --- more habits: a unit's decision, a plan with a task table, a report typed with tabs, a long letter ----


def unit_decision() -> bytes:
    """Quyết định of a unit under a governing body: the chủ quản line not bold, the authority
    typed over two lines, the members listed as short khoản without a title."""
    t = Typist()
    t.header(("PHÒNG NỘI VỤ",), "Số: 07/QĐ-PNV", "An Lão, ngày 03 tháng 02 năm 2025", governing="UBND HUYỆN AN LÃO")
    t.title("QUYẾT ĐỊNH", "Thành lập Tổ kiểm tra công tác cải cách hành chính năm 2025")
    line(t.doc, "TRƯỞNG PHÒNG NỘI VỤ", 14, bold=True, before=12)
    line(t.doc, "HUYỆN AN LÃO", 14, bold=True, after=6)
    t.bases(["Căn cứ Quyết định số 15/QĐ-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân huyện quy định "
             "chức năng, nhiệm vụ của Phòng Nội vụ;",
             "Xét đề nghị của bộ phận cải cách hành chính."])
    line(t.doc, "QUYẾT ĐỊNH:", 14, bold=True, before=12, after=6)
    t.article(1, "Thành lập Tổ kiểm tra công tác cải cách hành chính năm 2025 gồm các ông, bà có tên sau:")
    for text in ("1. Bà Nguyễn Thị Mai, Phó Trưởng phòng - Tổ trưởng", "2. Ông Lê Văn Sơn, chuyên viên - Thành viên",
                 "3. Bà Trần Thị Thu, chuyên viên - Thành viên"):
        t.body(text)
    t.article(2, "Tổ kiểm tra có nhiệm vụ kiểm tra công tác cải cách hành chính tại các xã, thị trấn theo kế hoạch.")
    t.article(3, "Quyết định này có hiệu lực kể từ ngày ký. Các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành "
                 "Quyết định này./.")
    t.closing(("- Như Điều 3;", "- UBND huyện (báo cáo);", "- Lưu: VT, NV."), ("TRƯỞNG PHÒNG",), "Phạm Thị Hạnh")
    return t.bytes()


def plan_with_task_table() -> bytes:
    """Kế hoạch with a task table in the text, a caption and its unit above it, a note under it;
    the page number set in the footer and one paragraph left aligned by mistake."""
    t = Typist(story="footer")
    t.header(BODY, "Số: 30/KH-UBND", "An Bình, ngày 15 tháng 7 năm 2025")
    t.title("KẾ HOẠCH", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm 2025")
    t.bases(["Căn cứ Quyết định số 468/QĐ-TTg ngày 27 tháng 3 năm 2021 của Thủ tướng Chính phủ;",
             "Căn cứ Kế hoạch số 12/KH-UBND ngày 15/7/2025 của Ủy ban nhân dân huyện An Lão."])
    t.heading("I. MỤC ĐÍCH, YÊU CẦU")
    t.body("Số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực; bảo đảm dữ liệu đầy đủ, "
           "chính xác, được cập nhật vào hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.")
    t.heading("II. NHIỆM VỤ CỤ THỂ")
    t.heading("1. Danh mục nhiệm vụ")
    line(t.doc, "Bảng 1. Các nhiệm vụ số hóa năm 2025", 13, bold=True, before=6)
    line(t.doc, "Đơn vị tính: hồ sơ", 12, italic=True, align=RIGHT)
    grid_rows(t.doc, [12, 83, 35, 35], [("STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"),
                                         ("1", "Rà soát hồ sơ hộ tịch từ năm 2015", "Tư pháp", "Tháng 8/2025"),
                                         ("2", "Số hóa hồ sơ đất đai", "Địa chính", "Tháng 10/2025"),
                                         ("3", "Cập nhật kết quả lên hệ thống", "Văn phòng", "Tháng 12/2025")])
    t.body("Ghi chú: Các bộ phận báo cáo tiến độ hằng tháng về Văn phòng Ủy ban nhân dân xã.")
    t.heading("2. Thành lập Tổ số hóa")
    t.body("Tổ số hóa gồm công chức Văn phòng - Thống kê, Tư pháp - Hộ tịch và Địa chính - Xây dựng, do Phó Chủ "
           "tịch Ủy ban nhân dân xã làm Tổ trưởng.")
    t.heading("III. TỔ CHỨC THỰC HIỆN")
    for text in ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã chủ trì, hướng dẫn các bộ phận thực hiện số hóa "
                 "theo đúng quy trình; tổng hợp khó khăn, vướng mắc báo cáo Chủ tịch Ủy ban nhân dân xã.",
                 "Công chức Tư pháp - Hộ tịch rà soát toàn bộ sổ hộ tịch, lập danh mục hồ sơ cần số hóa, phối hợp "
                 "với Văn phòng bảo quản hồ sơ gốc sau khi số hóa.",
                 "Công chức Địa chính - Xây dựng rà soát hồ sơ đất đai, xây dựng, phối hợp cập nhật dữ liệu lên hệ "
                 "thống thông tin giải quyết thủ tục hành chính của tỉnh.",
                 "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận báo cáo Chủ tịch Ủy ban nhân "
                 "dân xã xem xét, giải quyết theo thẩm quyền hoặc báo cáo cấp trên./."):
        t.body(text)
    t.doc.paragraphs[-3].alignment = LEFT
    t.closing(("- UBND huyện An Lão;", "- Các bộ phận chuyên môn;", "- Lưu: VT, VP."), SIGNER, "Trần Văn Hùng")
    return t.bytes()


def report_typed_with_tabs() -> bytes:
    """Báo cáo typed without tables: header lines shared with tabs and rules drawn as shapes,
    two addressees listed, the signer's lines centred above "Nơi nhận:", a "(Đã ký)" note."""
    t = Typist()
    tabs(t.doc, ("ỦY BAN NHÂN DÂN", 13, True, False), (NATIONAL, 12, True, False))
    shape(tabs(t.doc, ("XÃ AN BÌNH", 13, True, False), (MOTTO, 13, True, False)))
    tabs(t.doc, ("Số: 41/BC-UBND", 13, False, False), ("An Bình, ngày 30 tháng 9 năm 2025", 13, False, True))
    t.title("BÁO CÁO", "Kết quả kiểm soát thủ tục hành chính quý III năm 2025")
    line(t.doc, "Kính gửi:", 14, before=12)
    for text in ("- Văn phòng Ủy ban nhân dân huyện An Lão;", "- Phòng Tư pháp huyện An Lão."):
        para(t.doc, text, first=None, left=40, before=0)
    t.body("Ủy ban nhân dân xã An Bình báo cáo kết quả kiểm soát thủ tục hành chính quý III năm 2025 như sau:")
    t.heading("I. KẾT QUẢ THỰC HIỆN")
    t.body("Trong quý, xã tiếp nhận 412 hồ sơ, giải quyết đúng hạn 410 hồ sơ; 02 hồ sơ quá hạn đã có văn bản xin "
           "lỗi người dân.")
    t.heading("II. KIẾN NGHỊ")
    t.body("Đề nghị Phòng Tư pháp huyện tập huấn nghiệp vụ chứng thực điện tử cho công chức xã./.")
    for text, bold in (("TM. ỦY BAN NHÂN DÂN", True), ("CHỦ TỊCH", True), ("(Đã ký)", False)):
        line(t.doc, text, 14, bold=bold, italic=not bold, before=12 if text.startswith("TM") else 0)
    line(t.doc, "Trần Văn Hùng", 14, bold=True, before=48)
    line(t.doc, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT, before=12)
    for text in ("- Như trên;", "- Chủ tịch, các Phó Chủ tịch UBND xã;", "- Lưu: VT, VP."):
        line(t.doc, text, 11, align=LEFT)
    return t.bytes()


def long_letter_footer_numbers() -> bytes:
    """Công văn of two pages: the V/v over two lines, the page number in the footer, a date
    cited with slashes and no leading zero ("ngày 5/8/2025")."""
    t = Typist(story="footer")
    t.header(BODY, "Số: 215/UBND-VP", "An Bình, ngày 12 tháng 8 năm 2025",
             letter_summary=("V/v đôn đốc thực hiện nhiệm vụ", "cải cách hành chính năm 2025"))
    line(t.doc, "Kính gửi: Các công chức chuyên môn thuộc Ủy ban nhân dân xã.", 14, before=12)
    t.body("Thực hiện Công văn số 310/UBND-NV ngày 5/8/2025 của Ủy ban nhân dân huyện An Lão về đôn đốc thực "
           "hiện nhiệm vụ cải cách hành chính năm 2025, Ủy ban nhân dân xã yêu cầu các công chức chuyên môn "
           "thực hiện các nội dung sau:")
    tasks = ("Rà soát toàn bộ nhiệm vụ được giao tại Kế hoạch cải cách hành chính năm 2025 của xã, xác định "
             "nhiệm vụ đã hoàn thành, đang thực hiện và chưa thực hiện, nêu rõ nguyên nhân chậm tiến độ.",
             "Tập trung hoàn thành các nhiệm vụ chậm tiến độ trước ngày 30 tháng 9 năm 2025; trường hợp không "
             "hoàn thành phải báo cáo bằng văn bản, đề xuất giải pháp và thời hạn hoàn thành.",
             "Cập nhật đầy đủ kết quả giải quyết thủ tục hành chính lên hệ thống thông tin giải quyết thủ tục "
             "hành chính của tỉnh; số hóa hồ sơ, kết quả giải quyết theo đúng quy định.",
             "Tăng cường tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến phí, lệ phí; "
             "bố trí công chức hỗ trợ người dân tại Bộ phận Một cửa trong giờ hành chính.")
    for number, text in enumerate(tasks * 3, start=1):
        t.body(f"{number}. {text}")
    t.body("Ủy ban nhân dân xã yêu cầu các công chức chuyên môn nghiêm túc thực hiện./.")
    t.closing(("- Như trên;", "- Chủ tịch UBND xã (báo cáo);", "- Lưu: VT, VP."), SIGNER, "Trần Văn Hùng")
    return t.bytes()


_HEADER_CORE = {"number": "Số: ", "place_date": "An Bình, ngày", "national_title": "CỘNG HÒA",
                "recipients_label": "Nơi nhận:"}

SAMPLES = (
    Sample("ke-hoach-tu-go", "Kế hoạch gõ tay: căn cứ chữ đứng, ngày viết bằng dấu gạch chéo, khoản có tiêu đề "
           "không đậm, lùi trái thay lùi đầu dòng", plan,
           (("ND30-BASIS-ITALIC", "Căn cứ Nghị quyết số 76"), ("ND30-BASIS-ITALIC", "Căn cứ Kế hoạch số 45"),
            ("ND30-BASIS-PUNCTUATION", "Căn cứ Kế hoạch số 45"), ("ND30-CITED-DATE-PADDING", "Căn cứ Kế hoạch số 45"),
            ("ND30-CLAUSE-TITLE-BOLD", "2. Yêu cầu")),
           {**_HEADER_CORE, "doc_type": "KẾ HOẠCH", "summary": "Triển khai", "bases": "Căn cứ Nghị quyết",
            "recipients": "- UBND huyện", "signer_titles": "TM. ỦY BAN", "signer_name": "Trần Văn Hùng"}),
    Sample("quyet-dinh-bang-bo-cuc", "Quyết định dùng bảng để dàn trang: Nơi nhận một hàng, các mục ở hàng sau; "
           "dấu cách không ngắt sau \"Điều 1.\"; ngoặc kép trước \"1.\"; số trang trong khung văn bản; chữ ẩn, "
           "chữ trắng", decision_in_tables, (),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Sửa đổi", "authority": "CHỦ TỊCH ỦY BAN",
            "bases": "Căn cứ Luật", "decides": "QUYẾT ĐỊNH:", "recipients": "- Như Điều 3;",
            "signer_titles": "CHỦ TỊCH", "signer_name": "Nguyễn Văn Nam"}),
    Sample("bao-cao-trich-yeu-trong-bang", "Báo cáo: trích yếu trong ô bảng dưới \"BÁO CÁO\", đường kẻ bằng dấu gạch "
           "dưới, \"- Như trên (Báo cáo);\", chữ ẩn trong khối chữ ký", report_in_a_cell, (),
           {**_HEADER_CORE, "doc_type": "BÁO CÁO", "summary": "Kết quả thực hiện", "addressee": "Kính gửi:",
            "recipients": "- Như trên (Báo cáo);", "signer_titles": "TM. ỦY BAN", "signer_name": "Lê Thị Hoa"}),
    Sample("cong-van-khong-dau", "Công văn gõ không dấu (\"So: /BTC-TCCB\")", letter_without_diacritics,
           (("ND30-TEXT-DIACRITICS", "Toàn văn bản"),),
           {"number": "So:", "place_date": "Ha Noi", "national_title": "CONG HOA", "letter_summary": "V/v",
            "issuing_body": "BO TAI CHINH", "addressee": "Kinh gui", "recipients_label": "Noi nhan:",
            "recipients": "- Nhu tren;", "signer_titles": "TL. BO TRUONG", "signer_name": "Nguyen Van Binh"}),
    Sample("phu-luc-bieu-mau", "Phụ lục riêng: dòng Kèm theo hai dòng, \"Biểu mẫu N\" căn giữa có dòng thứ hai, "
           "đơn vị tính căn phải trên mỗi bảng", appendix_of_forms, (),
           {"appendix_label": "Phụ lục", "appendix_title": "BIỂU MẪU BÁO CÁO", "attached_to": "(Kèm theo"}),
    Sample("quyet-dinh-can-bang-dau-cach", "Quyết định không dùng bảng: căn giữa bằng dấu cách và dấu tab, đường kẻ "
           "vẽ bằng hình", decision_centred_by_hand,
           (("ND30-CENTRED-BY-SPACES", "QUYẾT ĐỊNH"), ("ND30-CENTRED-BY-SPACES", "Về việc thành lập")),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Về việc thành lập", "authority": "CHỦ TỊCH ỦY BAN",
            "bases": "Căn cứ Luật", "decides": "QUYẾT ĐỊNH:", "recipients": "- Như Điều 3;",
            "signer_titles": "CHỦ TỊCH", "signer_name": "Phạm Văn Đức"}),
    Sample("quyet-dinh-thieu-tham-quyen", "Quyết định thiếu dòng thẩm quyền, dòng ngày thấp hơn dòng Số khoảng 1,5 "
           "dòng", decision_without_authority,
           (("ND30-AUTHORITY-MISSING", "Căn cứ Luật Tổ chức"), ("ND30-DATE-SAME-LINE", "An Bình, ngày 12")),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Về việc giao", "bases": "Căn cứ Luật",
            "decides": "QUYẾT ĐỊNH:", "signer_name": "Trần Văn Hùng"}),
    Sample("quyet-dinh-kem-quy-che", "Quyết định kèm Quy chế: lề trái sai ở cả hai section, \"(Ban hành kèm theo …)\" "
           "không có đường kẻ, điểm in nghiêng", decision_with_regulation,
           (("ND30-MARGIN-LEFT", "Lề trang (section 1, 2)"), ("ND30-ATTACHED-RULE", "(Ban hành kèm theo"),
            ("ND30-POINT-ITALIC", "a) Mỗi việc"), ("ND30-POINT-ITALIC", "b) Bảo đảm"),
            ("ND30-POINT-ITALIC", "c) Công khai")),
           {**_HEADER_CORE, "doc_type": "QUYẾT ĐỊNH", "summary": "Ban hành Quy chế", "authority": "ỦY BAN NHÂN DÂN",
            "bases": "Căn cứ Luật", "decides": "QUYẾT ĐỊNH:", "signer_name": "Trần Văn Hùng"}),
    Sample("to-trinh-quoc-hieu-xuong-dong", "Tờ trình: cột bên phải hẹp, Quốc hiệu xuống hai dòng",
           submission_narrow_header, (("ND30-NATIONAL-TITLE-ONE-LINE", "CỘNG HÒA XÃ HỘI"),),
           {**_HEADER_CORE, "doc_type": "TỜ TRÌNH", "summary": "Về việc đề nghị", "addressee": "Kính gửi:",
            "bases": "Căn cứ Luật", "recipients": "- Như trên;", "signer_name": "Trần Văn Hùng"}),
    Sample("thong-bao-quoc-hieu-hai-dong", "Thông báo: Quốc hiệu gõ thành hai dòng, đường kẻ bằng dấu gạch dưới, "
           "Tiêu ngữ gạch chân", notice_two_line_title, (("ND30-NATIONAL-TITLE-ONE-LINE", "CỘNG HÒA XÃ HỘI"),),
           {**_HEADER_CORE, "doc_type": "THÔNG BÁO", "summary": "Kết luận", "issuing_body": "ỦY BAN NHÂN DÂN",
            "recipients": "- Các công chức", "signer_titles": "TL. CHỦ TỊCH", "signer_name": "Đỗ Thị Lan"}),
    Sample("quyet-dinh-phong-co-chu-quan", "Quyết định của phòng: tên cơ quan chủ quản, dòng thẩm quyền hai dòng, danh "
           "sách thành viên đánh số 1., 2. không có tiêu đề", unit_decision, (),
           {"number": "Số: 07/QĐ-PNV", "place_date": "An Lão, ngày", "governing_body": "UBND HUYỆN",
            "issuing_body": "PHÒNG NỘI VỤ", "doc_type": "QUYẾT ĐỊNH", "summary": "Thành lập",
            "authority": "TRƯỞNG PHÒNG NỘI VỤ", "bases": "Căn cứ Quyết định", "decides": "QUYẾT ĐỊNH:",
            "recipients": "- Như Điều 3;", "signer_titles": "TRƯỞNG PHÒNG", "signer_name": "Phạm Thị Hạnh"}),
    Sample("ke-hoach-co-bang-nhiem-vu", "Kế hoạch có bảng nhiệm vụ: tên bảng, đơn vị tính, ghi chú dưới bảng; số trang "
           "ở chân trang; một đoạn căn trái", plan_with_task_table,
           (("ND30-PAGE-NUMBER-POSITION", "Số trang (section 1)"), ("ND30-BODY-ALIGN", "Công chức Tư pháp - Hộ tịch")),
           {**_HEADER_CORE, "doc_type": "KẾ HOẠCH", "summary": "Số hóa", "bases": "Căn cứ Quyết định số 468",
            "captions": "Bảng 1.", "signer_name": "Trần Văn Hùng"}),
    Sample("bao-cao-go-bang-tab", "Báo cáo không dùng bảng: phần đầu gõ bằng dấu tab, hai nơi nhận sau Kính gửi, khối "
           "chữ ký căn giữa trên \"Nơi nhận:\", ghi chú (Đã ký)", report_typed_with_tabs, (),
           {**_HEADER_CORE, "doc_type": "BÁO CÁO", "summary": "Kết quả kiểm soát", "addressee": "Kính gửi:",
            "addressee_items": "- Văn phòng", "recipients": "- Như trên;", "signer_titles": "TM. ỦY BAN",
            "signer_name": "Trần Văn Hùng"}),
    Sample("cong-van-hai-trang", "Công văn hai trang: V/v hai dòng, số trang ở chân trang, ngày trích dẫn \"5/8/2025\"",
           long_letter_footer_numbers,
           (("ND30-PAGE-NUMBER-POSITION", "Số trang (section 1)"), ("ND30-CITED-DATE-PADDING", "Thực hiện Công văn")),
           {**_HEADER_CORE, "letter_summary": "V/v đôn đốc", "addressee": "Kính gửi:", "recipients": "- Như trên;",
            "signer_name": "Trần Văn Hùng"}),
)

#: Documents also checked as LibreOffice saves them: the same findings are expected.
RESAVED = ("ke-hoach-tu-go", "quyet-dinh-bang-bo-cuc", "bao-cao-trich-yeu-trong-bang", "phu-luc-bieu-mau")
