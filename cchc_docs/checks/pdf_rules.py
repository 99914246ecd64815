"""The layout rules checked on the PDF a document prints as: ids, severities and the decree they come from.

They live with the other rules so that ``cchc-docs check --list-rules`` and docs/rules.md list
them after the DOCX rules; :mod:`cchc_docs.pdf.layout_check` and :mod:`cchc_docs.pdf.fonts` raise them.
"""

from __future__ import annotations

ARTICLE_FONT = "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục I.4 (phông chữ Times New Roman)"
ARTICLE_PAGE_NUMBER = ("NĐ 30/2020/NĐ-CP, Phụ lục I, Mục I.7 (số trang: từ 1, giữa lề trên, không hiện ở trang đầu); "
                       "Mục III.1 điểm đ (phụ lục đánh số trang riêng)")
ARTICLE_HEADER = ("NĐ 30/2020/NĐ-CP, Phụ lục I, Mục IV (sơ đồ bố trí, ô 1–4); "
                  "Mục II.4 điểm c (ngày tháng cùng dòng với số)")
ARTICLE_SIGNATURE = ("NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II.9 điểm d (\"Nơi nhận\" ngang hàng với quyền hạn, "
                     "chức vụ người ký); Mục IV (ô 7a–7c, 9b)")
ARTICLE_APPENDIX = ("NĐ 30/2020/NĐ-CP, Phụ lục I, Mục I.2 (trình bày theo chiều rộng khi có bảng, biểu); "
                    "phụ lục dạng bảng đặt trang ngang: thực tiễn soạn thảo (không bắt buộc)")
ARTICLE_PRINT = "Thực tiễn in ấn (không bắt buộc)"

# The catalogue of layout rules checked on the PDF (listed by ``cchc-docs check --list-rules``
# after the DOCX rules): id → (severity, article, summary).
PDF_RULES: dict[str, tuple[str, str, str]] = {
    "PDF-PAGE-NUMBER-FIRST": ("error", ARTICLE_PAGE_NUMBER,
                              "Trang đầu của văn bản không hiện số trang (trang đầu phụ lục: cảnh báo)"),
    "PDF-PAGE-NUMBER-MISSING": ("error", ARTICLE_PAGE_NUMBER, "Từ trang 2 mỗi trang có số trang"),
    "PDF-PAGE-NUMBER-SEQUENCE": ("error", ARTICLE_PAGE_NUMBER, "Số trang liên tục, mỗi phần đánh số lại từ 1"),
    "PDF-PAGE-NUMBER-POSITION": ("error", ARTICLE_PAGE_NUMBER, "Số trang ở lề trên, giữa dòng"),
    "PDF-HEADER-POSITION": ("error", ARTICLE_HEADER,
                            "Trang 1: Quốc hiệu ở đầu trang bên phải, tên cơ quan ban hành bên trái"),
    "PDF-HEADER-BASELINE": ("warning", ARTICLE_HEADER,
                            "Quốc hiệu và tên cơ quan, Số và ngày tháng nằm trên cùng một dòng chân chữ"),
    "PDF-SIGNATURE-SPLIT": ("error", ARTICLE_SIGNATURE, "Khối chữ ký và Nơi nhận không bị ngắt sang trang khác"),
    "PDF-APPENDIX-LANDSCAPE": ("warning", ARTICLE_APPENDIX, "Trang phụ lục dạng bảng nằm ngang"),
    "PDF-PAGE-BLANK": ("warning", ARTICLE_PRINT, "Không có trang trắng"),
    "PDF-HEADING-STRANDED": ("warning", ARTICLE_PRINT, "Đề mục không nằm một mình cuối trang, tách khỏi nội dung"),
    "PDF-FONT-MISSING": ("warning", ARTICLE_FONT,
                         "Máy chuyển PDF có Times New Roman hoặc Liberation Serif (cùng số đo chữ)"),
    "PDF-FONT-SUBSTITUTED": ("error", ARTICLE_FONT,
                             "PDF chỉ dùng Times New Roman hoặc Liberation Serif"),
}
