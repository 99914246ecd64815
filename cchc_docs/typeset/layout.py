"""The house layout: page geometry and type sizes, each within Nghị định 30/2020/NĐ-CP.

One place for the numbers that both the template builder (``tools/build_templates.py``)
and the context builders (rule lengths) need. Sizes follow the decree's own example
column (Phụ lục I, Mục V): Quốc hiệu 12, Tiêu ngữ 13, issuing body 12, Số 13, date
13, tên loại / trích yếu / body / signature 14, Nơi nhận 12 and its items 11; the
header sizes move together as the decree's footnote requires.
"""

FONT = "Times New Roman"

# Page (Phụ lục I, Mục I): A4; margins top/bottom 20–25, left 30–35, right 15–20 mm.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165
LANDSCAPE_TEXT_WIDTH_MM = PAGE_HEIGHT_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 252

# Header table (§4.5): the right column holds the Quốc hiệu (88.3 mm at 12 pt).
HEADER_LEFT_MM = 65.0
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM  # 100
# Signature table (§7): Nơi nhận left, signer right.
SIGN_LEFT_MM = 75.0
SIGN_RIGHT_MM = TEXT_WIDTH_MM - SIGN_LEFT_MM  # 90
CELL_MARGIN_MM = 1.9  # Word's default left/right cell margin (108 twips)

# Type sizes in points.
SIZE_NATIONAL_TITLE = 12  # Quốc hiệu
SIZE_MOTTO = 13  # Tiêu ngữ
SIZE_BODY_NAME = 12  # tên cơ quan ban hành / chủ quản
SIZE_NUMBER = 13  # Số, ký hiệu (fixed by the decree)
SIZE_DATE = 13  # địa danh, ngày tháng
SIZE_TITLE = 14  # tên loại, trích yếu
SIZE_BODY = 14
SIZE_SIGNER = 14
SIZE_RECIPIENTS_LABEL = 12
SIZE_RECIPIENTS = 11
SIZE_APPENDIX_LABEL = 14  # "Phụ lục"
SIZE_TABLE = 12
SIZE_PAGE_NUMBER = 13

FIRST_LINE_INDENT_MM = 12.7  # 1.27 cm
SPACE_BETWEEN_PT = 6  # ≥ 6 pt between paragraphs
RULE_SHARE = 0.4  # rules are 1/3–1/2 of the line they stand under
SIGNATURE_GAP_PT = 72  # room for signature and seal (~25 mm)
