"""The numbers and texts of Nghị định 30/2020/NĐ-CP that the format rules test against.

Each ``ART_*`` constant is the citation a finding shows: decree, article (Điều),
appendix (Phụ lục) and the place inside it, written the way a clerk looks it up.
"Phụ lục I, Mục II.6 điểm e" is điểm e, khoản 6, Mục II, Phần I of Phụ lục I (the
decree's own numbering: Mục I quy định chung, Mục II thành phần thể thức chính, Mục III
thành phần thể thức khác, Mục IV sơ đồ bố trí, Mục V mẫu chữ); "Mẫu 1.3" is a model
layout in Mục II of Phụ lục III. What the decree does not say is cited as practice
(:data:`PRACTICE`), never by a section number of the project's notes. Tags: [C] the
decree states it (an error), [M] a model layout shows it, [P] practice (warnings only).
"""

from __future__ import annotations

import re

DECREE = "NĐ 30/2020/NĐ-CP"
PRACTICE = "thực tiễn soạn thảo (không bắt buộc)"

# --- articles (điều khoản) -------------------------------------------------------------------

_PL1 = f"{DECREE}, Phụ lục I"
_PL3 = f"{DECREE}, Phụ lục III"
# Phụ lục I, Mục I: quy định chung (khổ giấy … số trang).
ART_PAPER = f"{_PL1}, Mục I.1–2 (khổ giấy A4, trình bày theo chiều dài)"
ART_MARGIN = f"{_PL1}, Mục I.3 (định lề trang)"
ART_FONT = f"{_PL1}, Mục I.4 (phông chữ Times New Roman, màu đen)"
ART_DIACRITICS = f"{_PL1}, Mục I.4 (phông chữ tiếng Việt của bộ mã ký tự Unicode theo TCVN 6909:2001)"
ART_NFC = f"{_PL1}, Mục I.4 (bộ mã Unicode TCVN 6909:2001); lưu dạng dựng sẵn (NFC): {PRACTICE}"
ART_SIZES = f"{_PL1}, Mục I.5 và Mục V (cỡ chữ, kiểu chữ; mẫu chữ)"
ART_SIZES_TOGETHER = f"{_PL1}, Mục V (chú thích bảng mẫu chữ: cỡ chữ Quốc hiệu, Tiêu ngữ, ngày tháng đi cùng nhau)"
ART_PAGE_NUMBER = f"{_PL1}, Mục I.7 (số trang văn bản)"
ART_PART_FIRST_PAGE = f"{_PL1}, Mục I.7 (không hiện số trang thứ nhất); trang đầu văn bản kèm theo, phụ lục: {PRACTICE}"
# Phụ lục I, Mục II: các thành phần thể thức chính (Điều 8 khoản 2).
ART_NATIONAL = f"{_PL1}, Mục II.1 (Quốc hiệu và Tiêu ngữ)"
ART_BODY_NAME = f"{_PL1}, Mục II.2 (tên cơ quan, tổ chức ban hành)"
ART_NUMBER = f"{DECREE}, Điều 15; Phụ lục I, Mục II.3 (số, ký hiệu); Phụ lục III, Mục I (chữ viết tắt tên loại)"
ART_NUMBER_LOOK = f"{_PL1}, Mục II.3 điểm c (trình bày số, ký hiệu)"
ART_DATE = f"{_PL1}, Mục II.4 (địa danh và thời gian ban hành)"
ART_DATE_LEVEL = f"{_PL1}, Mục II.4 điểm c (địa danh, ngày tháng cùng một dòng với số, ký hiệu)"
ART_CITED_DATE = f"{_PL1}, Mục II.4 điểm b (viết ngày, tháng); áp dụng cho ngày trích dẫn: {PRACTICE}"
ART_TITLE = f"{_PL1}, Mục II.5 (tên loại và trích yếu nội dung)"
ART_TITLE_MODEL = f"{_PL3}, Mẫu 1.2, 1.3, 1.4 (trích yếu)"
ART_BASES = f"{_PL1}, Mục II.6 điểm a (căn cứ ban hành)"
ART_BASES_MODEL = f"{_PL3}, Mẫu 1.2, 1.3 (căn cứ ban hành)"
ART_AUTHORITY = f"{_PL3}, Mẫu 1.2, 1.3 (thẩm quyền ban hành, \"QUYẾT ĐỊNH:\")"
ART_SIGNER_MATCHES = f"{_PL3}, Mẫu 1.2, 1.3, ghi chú 6 (thẩm quyền ban hành); đối chiếu với khối chữ ký: {PRACTICE}"
ART_ARTICLE = f"{_PL1}, Mục II.6 điểm đ (trình bày điều)"
ART_NUMBERING = f"{_PL1}, Mục II.6 điểm đ (phần, mục, khoản, điểm) và Mục V, mục 6b (mẫu chữ)"
ART_DECIMAL = f"{_PL1}, Mục II.6 điểm đ (khoản, điểm); không đánh số 1.1.: {PRACTICE}"
ART_BODY = f"{_PL1}, Mục II.6 điểm e (trình bày nội dung văn bản)"
ART_EXACT_SPACING = f"{_PL1}, Mục II.6 điểm e (giãn dòng); giãn dòng cố định (exactly): {PRACTICE}"
ART_END_MARK = f"{_PL3}, Mục II (dấu \"./.\" cuối nội dung trong các Mẫu)"
ART_SIGNER = f"{DECREE}, Điều 13; Phụ lục I, Mục II.7 (chức vụ, họ tên và chữ ký)"
ART_SIGNER_LOOK = f"{_PL1}, Mục II.7 điểm đ (trình bày quyền hạn, chức vụ, họ tên người ký)"
ART_ADDRESSEE = f"{_PL1}, Mục II.9 điểm b, d (Kính gửi, ô 9a)"
ART_RECIPIENTS = f"{_PL1}, Mục II.9 điểm d (Nơi nhận, ô 9b)"
ART_AS_ABOVE = f"{_PL1}, Mục II.9 điểm b (Nơi nhận mở đầu bằng \"Như trên\")"
ART_RECIPIENTS_MODEL = f"{_PL3}, Mẫu 1.2, 1.3 (Nơi nhận: \"- Như Điều …;\")"
# Phụ lục I, Mục III: các thành phần thể thức khác (Điều 8 khoản 3).
ART_APPENDIX = f"{_PL1}, Mục III.1 (phụ lục); Phụ lục III, Mẫu 2.1"
ART_APPENDIX_PAGES = f"{_PL1}, Mục III.1 điểm đ (số trang phụ lục đánh riêng)"
ART_ATTACHED = f"{_PL1}, Mục III.1 điểm c; Phụ lục III, Mẫu 1.3 (văn bản kèm theo), Mẫu 2.1"
ART_DRAFTER = f"{_PL1}, Mục III.3 (ký hiệu người soạn thảo, số lượng bản phát hành)"
ART_PLACEHOLDER = f"{_PL3}, Mục II (chữ giữ chỗ trong các Mẫu); xóa trước khi ban hành: {PRACTICE}"

# --- page (Phụ lục I, Mục I) -----------------------------------------------------------------

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

# --- header (Phụ lục I, Mục II.1–4) ----------------------------------------------------------

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
INVENTED_CODES = frozenset({"CV"})  # "công văn = CV" is a common mistake: Phụ lục III, Mục I has no code for công văn

# "Số: 05/QĐ-UBND" or the draft blank "Số:      /QĐ-UBND" (Phụ lục I, Mục II.3).
NUMBER_LINE = re.compile(r"^Số: (?P<n>\S*?)/(?P<symbol>.*)$")
NUMBER_VALUE = re.compile(r"^(0[1-9]|[1-9][0-9]+)$")
DRAFT_NUMBER = re.compile(r"^[\s.…_]*$")
SYMBOL_GROUP = re.compile(r"^[A-ZĐ][A-ZĐ0-9&]*$")

# "Thượng Hồng, ngày 05 tháng 01 năm 2025"; day/month may be blank in a draft (Phụ lục I, Mục II.4).
DATE_LINE = re.compile(r"^(?P<place>[^,]+), ngày(?P<day> \d+ |[\s.…]+)tháng(?P<month> \d+ |[\s.…]+)năm \d{4}$")
CITED_DATE = re.compile(r"ngày (?P<day>\d{1,3}) tháng (?P<month>\d{1,3}) năm \d{4}")
DAY_VALUE = re.compile(r"^(0[1-9]|[12][0-9]|3[01])$")
MONTH_VALUE = re.compile(r"^(01|02|[3-9]|1[0-2])$")

# --- content (Phụ lục I, Mục II.6) -----------------------------------------------------------

FIRST_LINE_INDENTS_MM = (10.0, 12.7)
INDENT_TOLERANCE_MM = 0.3
MIN_PARAGRAPH_GAP_PT = 6.0
LINE_SPACING = (1.0, 1.5)  # multiples of single
ARTICLE_LABEL = re.compile(r"^Điều \d+\.(\s|$)")
END_MARK = "./."
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

# --- signature and recipients (Phụ lục I, Mục II.7, II.9) ------------------------------------

SIGNER_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
RECIPIENTS_LABEL = "Nơi nhận:"
ARCHIVE_ITEM = re.compile(r"^- Lưu: VT(, [^,\s][^,]*)+\.$")
HONORIFICS = re.compile(r"^(GS|PGS|TS|ThS|TSKH|KS|BS|CN|Ths|Ts|Gs|Pgs)\.?\s"
                        r"|^(Tiến sĩ|Thạc sĩ|Giáo sư|Phó giáo sư|Kỹ sư|Bác sĩ)\s", re.I)

# --- page numbers (Phụ lục I, Mục I.7) -------------------------------------------------------

PAGE_NUMBER_SIZES = (13.0, 14.0)
# A part shorter than this many estimated pages may carry no page number at all.
MULTI_PAGE_THRESHOLD = 1.25
