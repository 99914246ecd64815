"""The numbers and texts of Nghị định 30/2020/NĐ-CP that the format rules test against.

Each constant names where it comes from: the decree (Phụ lục I "thể thức, kỹ thuật
trình bày", Phụ lục III "viết tắt tên loại") and the section of our reference
``nd30-format.md`` (written "§n") that restates it. Tags follow the reference: [C]
the decree states it (a rule breaking it is an error), [M] a model layout shows it,
[P] practice or interpretation (warnings only).
"""

from __future__ import annotations

import re

DECREE = "NĐ 30/2020/NĐ-CP"

# --- articles (điều khoản) ---------------------------------------------------------------

_PL1 = f"{DECREE}, Phụ lục I"
ART_PAPER = f"{_PL1}, Mục II.1–2: khổ giấy, kiểu trình bày (§1)"
ART_MARGIN = f"{_PL1}, Mục II.3: định lề trang (§1)"
ART_FONT = f"{_PL1}, Mục II.4: phông chữ Times New Roman, màu đen (§1)"
ART_NFC = "TCVN 6909:2001, bộ mã Unicode dựng sẵn (§1, thực hành)"
ART_SIZES = f"{_PL1}, Mục II.5 và bảng Mẫu chữ (§2)"
ART_SIZES_TOGETHER = f"{_PL1}, bảng Mẫu chữ, chú thích về cỡ chữ (§2)"
ART_NATIONAL = f"{_PL1}, Mục III.1: Quốc hiệu và Tiêu ngữ (§4.1)"
ART_BODY_NAME = f"{_PL1}, Mục III.2: tên cơ quan ban hành (§4.2)"
ART_NUMBER = f"{DECREE}, Điều 15; Phụ lục I, Mục III.3; Phụ lục III (§4.3)"
ART_DATE = f"{_PL1}, Mục III.4: địa danh và thời gian ban hành (§4.4)"
ART_TITLE = f"{_PL1}, Mục III.5: tên loại và trích yếu (§5)"
ART_TITLE_MODEL = f"{DECREE}, Phụ lục III, Mẫu 1.2–1.4 (§5)"
ART_BODY = f"{_PL1}, Mục III.6: nội dung văn bản (§6.1)"
ART_BASES = f"{_PL1}, Mục III.6; Mẫu 1.2, 1.3 (§6.2)"
ART_AUTHORITY = f"{DECREE}, Phụ lục III, Mẫu 1.2, 1.3 (§6.3)"
ART_ARTICLE = f"{_PL1}, Mục III.6: bố cục Điều (§6.3)"
ART_NUMBERING = f"{_PL1}, Mục III.6: bố cục phần, mục, khoản, điểm (§6.4)"
ART_END_MARK = f"{DECREE}, Phụ lục III, các Mẫu (§6.5)"
ART_SIGNER = f"{DECREE}, Điều 13; Phụ lục I, Mục III.7 (§7)"
ART_RECIPIENTS = f"{_PL1}, Mục III.9: nơi nhận (§8)"
ART_ADDRESSEE = f"{_PL1}, Mục III.9: kính gửi (§8)"
ART_ATTACHED = f"{DECREE}, Phụ lục III, Mẫu 1.3 (văn bản kèm theo), Mẫu 2.1 (§9)"
ART_APPENDIX = f"{_PL1}, Mục III: phụ lục văn bản; Mẫu 2.1 (§9.2)"
ART_PAGE_NUMBER = f"{_PL1}, Mục II.7: số trang văn bản (§10)"
ART_PLACEHOLDER = f"{DECREE}, Phụ lục III, chú thích các Mẫu (§7)"

# --- page (§1) -----------------------------------------------------------------------------

A4_MM = (210.0, 297.0)
PAPER_TOLERANCE_MM = 1.0
MARGINS_MM = {  # side: (least, most)
    "top": (20.0, 25.0),
    "bottom": (20.0, 25.0),
    "left": (30.0, 35.0),
    "right": (15.0, 20.0),
}
MARGIN_TOLERANCE_MM = 0.1  # facts round to 0.1 mm; 1134 twips is 20.0 mm
FONT = "Times New Roman"
BLACK = frozenset({"auto", "000000"})

# --- header (§4) -----------------------------------------------------------------------------

NATIONAL_TITLES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = "Độc lập - Tự do - Hạnh phúc"
MOTTO_RULE_TOLERANCE_MM = 2.0  # [P] the rule is as long as the motto, ±2 mm
RULE_SHARE = (1 / 3, 1 / 2)  # rule under the issuing body and the trích yếu [C]
RULE_SHARE_TOLERANCE_MM = 1.0
SOLID_BORDERS = frozenset({"single", "thick"})

# Phụ lục III: type name (folded, see text.fold) → abbreviation in the ký hiệu.
TYPE_CODES = {
    "nghi quyet": "NQ", "quyet dinh": "QĐ", "chi thi": "CT", "quy che": "QC", "quy dinh": "QyĐ",
    "thong cao": "TC", "thong bao": "TB", "huong dan": "HD", "chuong trinh": "CTr", "ke hoach": "KH",
    "phuong an": "PA", "de an": "ĐA", "du an": "DA", "bao cao": "BC", "bien ban": "BB",
    "to trinh": "TTr", "hop dong": "HĐ", "cong dien": "CĐ", "ban ghi nho": "BGN",
    "ban thoa thuan": "BTT", "giay uy quyen": "GUQ", "giay moi": "GM", "giay gioi thieu": "GGT",
    "giay nghi phep": "GNP", "phieu gui": "PG", "phieu chuyen": "PC", "phieu bao": "PB",
}
CODES = frozenset(TYPE_CODES.values())
COPY_CODES = frozenset({"SY", "TrS", "SL"})
INVENTED_CODES = frozenset({"CV"})  # "công văn = CV" is a common mistake (§12)

# "Số: 05/QĐ-UBND" or the draft blank "Số:      /QĐ-UBND" (§4.3).
NUMBER_LINE = re.compile(r"^Số: (?P<n>\S*?)/(?P<symbol>.*)$")
NUMBER_VALUE = re.compile(r"^(0[1-9]|[1-9][0-9]+)$")
DRAFT_NUMBER = re.compile(r"^[\s.…_]*$")
SYMBOL_GROUP = re.compile(r"^[A-ZĐ][A-ZĐ0-9&]*$")

# "Thượng Hồng, ngày 05 tháng 01 năm 2025"; day/month may be blank in a draft (§4.4).
DATE_LINE = re.compile(r"^(?P<place>[^,]+), ngày(?P<day> \d+ |[\s.…]+)tháng(?P<month> \d+ |[\s.…]+)năm \d{4}$")
CITED_DATE = re.compile(r"ngày (?P<day>\d{1,3}) tháng (?P<month>\d{1,3}) năm \d{4}")
DAY_VALUE = re.compile(r"^(0[1-9]|[12][0-9]|3[01])$")
MONTH_VALUE = re.compile(r"^(01|02|[3-9]|1[0-2])$")

# --- content (§6) ----------------------------------------------------------------------------

FIRST_LINE_INDENTS_MM = (10.0, 12.7)
INDENT_TOLERANCE_MM = 0.3
MIN_PARAGRAPH_GAP_PT = 6.0
LINE_SPACING = (1.0, 1.5)  # multiples of single
ARTICLE_LABEL = re.compile(r"^Điều \d+\.(\s|$)")
END_MARK = "./."
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

# --- signature and recipients (§7, §8) ---------------------------------------------------------

SIGNER_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
RECIPIENTS_LABEL = "Nơi nhận:"
ARCHIVE_ITEM = re.compile(r"^- Lưu: VT(, [^,\s][^,]*)+\.$")
HONORIFICS = re.compile(r"^(GS|PGS|TS|ThS|TSKH|KS|BS|CN|Ths|Ts|Gs|Pgs)\.?\s|^(Tiến sĩ|Thạc sĩ|Giáo sư|Phó giáo sư|Kỹ sư|Bác sĩ)\s", re.I)

# --- page numbers (§10) ------------------------------------------------------------------------

PAGE_NUMBER_SIZES = (13.0, 14.0)
# A part shorter than this many estimated pages may carry no page number at all.
MULTI_PAGE_THRESHOLD = 1.25
