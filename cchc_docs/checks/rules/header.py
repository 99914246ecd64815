"""Boxes 1–2 (Phụ lục I, Mục II.1, II.2): Quốc hiệu, Tiêu ngữ, issuing body, and the rules under them."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_docs.checks import spec
from cchc_docs.checks.components import Layout, Part
from cchc_docs.checks.pieces import Piece, RuleLine
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.rules.common import mm, pt, text_width_mm
from cchc_docs.checks.text import DASH_LOOKALIKES, nfc, show
from cchc_docs.typeset import widths


def _with_header(layout: Layout) -> Iterator[Part]:
    """Parts that open a document (a tên loại or a Số line), which need boxes 1–2."""
    for part in layout.parts:
        if part.kind != "appendix" and (part.doc_type is not None or part.number is not None):
            yield part


@rule("ND30-NATIONAL-TITLE-MISSING", "C", spec.ART_NATIONAL, "Văn bản có Quốc hiệu")
def national_title_missing(layout: Layout) -> Iterator[Hit]:
    for part in _with_header(layout):
        if part.national_title is None:
            yield Hit("Không tìm thấy Quốc hiệu ở phần đầu văn bản", spec.NATIONAL_TITLES[0], "không có",
                      part.doc_type or part.number, "Quốc hiệu")


@rule("ND30-NATIONAL-TITLE-TEXT", "C", spec.ART_NATIONAL, "Quốc hiệu đúng nguyên văn (chấp nhận HÒA/HOÀ)",
      wording=True)
def national_title_text(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.national_title
        text = " ".join(x.text for x in part.national_lines)  # typed on two lines: ND30-NATIONAL-TITLE-ONE-LINE
        if piece is not None and nfc(text).upper() not in spec.NATIONAL_TITLES:
            yield Hit("Quốc hiệu sai chữ hoặc sai khoảng cách", show(spec.NATIONAL_TITLES[0]), show(text),
                      piece, "Quốc hiệu")


@rule("ND30-NATIONAL-TITLE-ONE-LINE", "C", spec.ART_NATIONAL,
      "Quốc hiệu trình bày trên một dòng (dòng trên của ô số 1)")
def national_title_one_line(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.national_title
        if piece is None:
            continue
        if part.national_wrap is not None:
            yield Hit("Quốc hiệu bị tách thành hai dòng", "một dòng", "hai dòng (xuống dòng trước \"VIỆT NAM\")",
                      piece, "Quốc hiệu")
            continue
        room = text_width_mm(piece, layout) if piece.whole else None
        width = widths.bold_width_mm(piece.text, piece.size or 13.0)
        if room is not None and width > room + _WRAP_TOLERANCE_MM:
            yield Hit("Quốc hiệu không đủ chỗ trên một dòng, bị xuống dòng",
                      f"một dòng (cần {mm(width)}; cột rộng hơn hoặc cỡ chữ nhỏ hơn)",
                      f"chỗ cho chữ {mm(room)}", piece, "Quốc hiệu")


_WRAP_TOLERANCE_MM = 1.0  # the widths are Word's advance widths; a hair over still wraps in Word, not a whisker


@rule("ND30-MOTTO-MISSING", "C", spec.ART_NATIONAL, "Có Tiêu ngữ dưới Quốc hiệu")
def motto_missing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.national_title is not None and part.motto is None:
            yield Hit("Thiếu Tiêu ngữ dưới Quốc hiệu", spec.MOTTO, "không có", part.national_title, "Tiêu ngữ")


@rule("ND30-MOTTO-DASH", "C", spec.ART_NATIONAL, "Tiêu ngữ dùng dấu gạch nối (-), không dùng gạch ngang dài (– —)")
def motto_dash(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.motto
        if piece is not None and any(ch in DASH_LOOKALIKES for ch in piece.text):
            wrong = "".join(sorted({ch for ch in piece.text if ch in DASH_LOOKALIKES}))
            yield Hit("Tiêu ngữ dùng sai dấu gạch", 'dấu gạch nối "-" (U+002D)', show(wrong), piece, "Tiêu ngữ")


@rule("ND30-MOTTO-TEXT", "C", spec.ART_NATIONAL, "Tiêu ngữ đúng nguyên văn \"Độc lập - Tự do - Hạnh phúc\"",
      wording=True)
def motto_text(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.motto
        if piece is None:
            continue
        text = nfc(piece.text)
        for ch in DASH_LOOKALIKES:  # a wrong dash is ND30-MOTTO-DASH's to report
            text = text.replace(ch, "-")
        if text != spec.MOTTO:
            yield Hit("Tiêu ngữ sai chữ, chữ hoa hoặc khoảng cách", show(spec.MOTTO), show(piece.text),
                      piece, "Tiêu ngữ")


@rule("ND30-MOTTO-ADJACENT", "C", spec.ART_NATIONAL, "Tiêu ngữ ở dòng liền dưới Quốc hiệu, không có dòng trống")
def motto_adjacent(layout: Layout) -> Iterator[Hit]:
    paragraphs = layout.facts.paragraphs
    for part in layout.parts:
        title, motto = part.national_title, part.motto
        if title is None or motto is None or motto.index <= title.index:
            continue
        if any(p.is_empty for p in paragraphs[title.index + 1 : motto.index]):
            yield Hit("Có dòng trống giữa Quốc hiệu và Tiêu ngữ", "Tiêu ngữ liền dưới Quốc hiệu", "có dòng trống",
                      motto, "Tiêu ngữ")


def _drawn(part: Part) -> bool:
    """A shape in the header: the rules may be drawn lines, whose length facts do not give."""
    return any(p.has_drawing for p in part.header)


def _missing_rule(line: RuleLine | None, drawn: bool, piece: Piece, name: str) -> Hit | None:
    if line is None and not drawn:
        return Hit(f"Thiếu đường kẻ dưới {name}", "đường kẻ nét liền", "không có", piece, name)
    if line is not None and not line.solid:
        return Hit(f"Đường kẻ dưới {name} không phải nét liền", "nét liền", line.style, piece, name)
    return None


@rule("ND30-MOTTO-RULE", "C", spec.ART_NATIONAL, "Dưới Tiêu ngữ có đường kẻ ngang nét liền")
def motto_rule(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.motto is not None:
            hit = _missing_rule(part.motto_rule, _drawn(part) or not part.motto.whole, part.motto, "Tiêu ngữ")
            if hit:
                yield hit


@rule("ND30-MOTTO-RULE-LENGTH", "P", spec.ART_NATIONAL, "Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ (±2 mm)")
def motto_rule_length(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        line, piece = part.motto_rule, part.motto
        if line is None or line.length_mm is None or piece is None or piece.size is None:
            continue
        width = widths.bold_width_mm(spec.MOTTO, piece.size)  # the motto as it should read: no cascade
        if abs(line.length_mm - width) > spec.MOTTO_RULE_TOLERANCE_MM:
            yield Hit("Đường kẻ dưới Tiêu ngữ không dài bằng dòng chữ",
                      f"{mm(width)} (±2 mm, Tiêu ngữ {pt(piece.size)})", mm(line.length_mm), piece, "Tiêu ngữ")


@rule("ND30-ISSUING-BODY-MISSING", "C", spec.ART_BODY_NAME, "Có tên cơ quan ban hành")
def issuing_body_missing(layout: Layout) -> Iterator[Hit]:
    for part in _with_header(layout):
        if part.national_title is not None and not part.issuing_body:
            yield Hit("Không tìm thấy tên cơ quan ban hành", "tên cơ quan, chữ in hoa, đậm", "không có",
                      part.national_title, "Tên cơ quan ban hành")


@rule("ND30-ISSUING-BODY-RULE", "C", spec.ART_BODY_NAME, "Dưới tên cơ quan ban hành có đường kẻ nét liền")
def issuing_body_rule(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.issuing_body and part.national_title is not None:
            last = part.issuing_body[-1]
            hit = _missing_rule(part.body_rule, _drawn(part) or not last.whole, last, "tên cơ quan ban hành")
            if hit:
                yield hit


def longest_line_mm(lines: tuple[Piece, ...], width_mm: float | None) -> float:
    """The longest printed line of some bold lines, wrapping them as Word would."""
    longest = 0.0
    for piece in lines:
        size = piece.size or 13.0
        wrapped = widths.wrap(piece.text, size, width_mm) if width_mm else [piece.text]
        longest = max([longest, *(widths.bold_width_mm(line, size) for line in wrapped)])
    return longest


def share_hit(line: RuleLine | None, lines: tuple[Piece, ...], width_mm: float | None, name: str) -> Hit | None:
    """A hit when a rule is not 1/3–1/2 of the line it stands under (±1 mm)."""
    if line is None or line.length_mm is None or not lines:
        return None
    longest = longest_line_mm(lines, width_mm)
    least, most = (longest * share for share in spec.RULE_SHARE)
    tolerance = spec.RULE_SHARE_TOLERANCE_MM
    if least - tolerance <= line.length_mm <= most + tolerance:
        return None
    return Hit(f"Đường kẻ dưới {name} phải dài 1/3–1/2 dòng chữ", f"{mm(least)}–{mm(most)}", mm(line.length_mm),
               lines[-1], name)


@rule("ND30-ISSUING-BODY-RULE-LENGTH", "C", spec.ART_BODY_NAME, "Đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ")
def issuing_body_rule_length(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.issuing_body:
            hit = share_hit(part.body_rule, part.issuing_body, text_width_mm(part.issuing_body[-1], layout),
                            "tên cơ quan ban hành")
            if hit:
                yield hit


@rule("ND30-HEADER-SIZES-CONSISTENT", "P", spec.ART_SIZES_TOGETHER,
      "Cỡ chữ phần đầu đi cùng nhau: Tiêu ngữ = Quốc hiệu + 1 = dòng ngày tháng")
def header_sizes(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        title, motto, date = part.national_title, part.motto, part.place_date
        if title is None or motto is None or title.size is None or motto.size is None:
            continue
        expected = title.size + 1
        got = [motto.size] + ([date.size] if date is not None and date.size is not None else [])
        if any(abs(size - expected) > 0.01 for size in got):
            shown = f"Quốc hiệu {pt(title.size)}, Tiêu ngữ {pt(motto.size)}"
            shown += f", ngày tháng {pt(date.size)}" if len(got) > 1 else ""
            yield Hit("Cỡ chữ Quốc hiệu, Tiêu ngữ, ngày tháng không đi cùng nhau",
                      f"Tiêu ngữ và ngày tháng {pt(expected)} khi Quốc hiệu {pt(title.size)}", shown, motto, "Tiêu ngữ")
