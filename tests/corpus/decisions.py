"""Decisions typed by hand for the corpus (see :mod:`corpus.documents`): each builder returns DOCX bytes."""

from __future__ import annotations

from corpus.kit import (
    BODY,
    LEFT,
    MOTTO,
    NATIONAL,
    SIGNER,
    WHITE,
    Typist,
    line,
    rule,
    rule_length,
    run,
    shape,
    table,
    tabs,
)

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
