"""Plans, reports, letters, notices, a tờ trình and an appendix typed by hand for the corpus
(see :mod:`corpus.documents`): each builder returns DOCX bytes."""

from __future__ import annotations

from corpus.kit import (
    BODY,
    CELL_MARGINS_MM,
    LEFT,
    MOTTO,
    NATIONAL,
    RIGHT,
    SIGNER,
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
