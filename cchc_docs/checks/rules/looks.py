"""Size, bold, italic, case and alignment of each component (Phụ lục I, Mục II–III and Mục V).

The table is data — one :class:`Look` per component — and one small rule is made per
component and property, each with its own id (``ND30-NATIONAL-TITLE-BOLD`` …), so that a
finding names exactly what is wrong. Case and alignment follow the same table. Each
component cites the khoản of Phụ lục I that sets its look (the Mục V table repeats them).

A line pushed to the middle with spaces or tabs prints centred: it is not reported as
misaligned but, once, as centred by hand (ND30-CENTRED-BY-SPACES, a warning: it moves
when the text, the font or the paper changes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cchc_docs.checks import spec
from cchc_docs.checks.components import Layout, Part
from cchc_docs.checks.pieces import Piece, whole
from cchc_docs.checks.registry import Hit, Rule, add
from cchc_docs.checks.rules.common import alignment, pts, size_range, text_width_mm, within
from cchc_docs.checks.text import is_lower, is_upper
from cchc_docs.typeset import widths


@dataclass(frozen=True)
class Look:
    """How one component must look."""

    stem: str  # id stem: ND30-<stem>-SIZE …
    name: str  # Vietnamese name of the component
    select: Callable[[Part], Iterable[Piece]]
    sizes: tuple[float, float] | None = None
    bold: bool | None = None
    italic: bool | None = None
    case: str | None = None  # "upper" | "not-upper" | "name"
    align: str | None = None  # "center"
    tag: str = "C"
    article: str = spec.ART_SIZES
    align_tag: str | None = None  # when the position is practice ([P]) but the look is law


def _one(attribute: str) -> Callable[[Part], Iterable[Piece]]:
    return lambda part: [p for p in [getattr(part, attribute)] if p is not None]


def _many(attribute: str) -> Callable[[Part], Iterable[Piece]]:
    return lambda part: getattr(part, attribute)


def _section_headings(part: Part) -> list[Piece]:
    return [whole(mark.para) for mark in part.numbered if mark.level == "section"]


UPRIGHT = False  # "đứng": not italic
LOOKS = (
    Look("NATIONAL-TITLE", "Quốc hiệu", _many("national_lines"), (12, 13), True, UPRIGHT, "upper", "center",
         article=spec.ART_NATIONAL),
    Look("MOTTO", "Tiêu ngữ", _one("motto"), (13, 14), True, UPRIGHT, None, "center", article=spec.ART_NATIONAL),
    Look("GOVERNING-BODY", "Tên cơ quan chủ quản", _many("governing_body"), (12, 13), False, UPRIGHT, "upper",
         article=spec.ART_BODY_NAME),
    Look("ISSUING-BODY", "Tên cơ quan ban hành", _many("issuing_body"), (12, 13), True, UPRIGHT, "upper", "center",
         article=spec.ART_BODY_NAME),
    Look("NUMBER", "Số, ký hiệu", _one("number"), (13, 13), False, UPRIGHT, None, "center",
         article=spec.ART_NUMBER_LOOK),
    Look("DATE", "Địa danh, ngày tháng", _one("place_date"), (13, 14), False, True, None, "center",
         article=spec.ART_DATE),
    Look("LETTER-SUMMARY", "Trích yếu công văn (V/v)", _one("letter_summary"), (12, 13), False, UPRIGHT, None, "center",
         article=spec.ART_TITLE),
    Look("DOC-TYPE", "Tên loại văn bản", _one("doc_type"), (13, 14), True, UPRIGHT, "upper", "center",
         article=spec.ART_TITLE),
    Look("SUMMARY", "Trích yếu", _many("summary"), (13, 14), True, UPRIGHT, "not-upper", "center",
         article=spec.ART_TITLE),
    Look("AUTHORITY", "Thẩm quyền ban hành", _many("authority_lines"), (13, 14), True, UPRIGHT, "upper", "center",
         tag="M", article=spec.ART_AUTHORITY),
    Look("BASIS", "Căn cứ", _many("bases"), (13, 14), None, True, article=spec.ART_BASES),
    Look("DECIDES", "Dòng \"QUYẾT ĐỊNH:\"", _one("decides"), (13, 14), True, UPRIGHT, "upper", "center",
         tag="M", article=spec.ART_AUTHORITY),
    Look("BODY", "Nội dung", _many("body"), (13, 14), article=spec.ART_BODY),
    Look("SECTION-HEADING", "Tiêu đề mục", _section_headings, None, True, None, "upper", article=spec.ART_NUMBERING),
    Look("ADDRESSEE", "Kính gửi", lambda p: [x for x in [p.addressee, *p.addressee_items] if x is not None],
         (13, 14), None, UPRIGHT, article=spec.ART_ADDRESSEE),
    Look("RECIPIENTS-LABEL", "Nơi nhận", _one("recipients_label"), (12, 12), True, True,
         article=spec.ART_RECIPIENTS),
    Look("RECIPIENTS-ITEM", "Nơi nhận - mục", _many("recipients"), (11, 11), False, UPRIGHT,
         article=spec.ART_RECIPIENTS),
    Look("SIGNER-TITLE", "Quyền hạn, chức vụ người ký", _many("signer_titles"), (13, 14), True, UPRIGHT, "upper",
         "center", article=spec.ART_SIGNER_LOOK, align_tag="P"),
    Look("SIGNER-NAME", "Họ tên người ký", _one("signer_name"), (13, 14), True, UPRIGHT, "name", "center",
         article=spec.ART_SIGNER_LOOK),
    Look("DRAFTER-CODE", "Ký hiệu người soạn thảo, số bản", _one("drafter_code"), (11, 11), None, UPRIGHT,
         article=spec.ART_DRAFTER),
    Look("APPENDIX-LABEL", "Phụ lục", _one("appendix_label"), (14, 14), True, UPRIGHT, None, "center",
         article=spec.ART_APPENDIX),
    Look("APPENDIX-TITLE", "Tên phụ lục", _many("appendix_title"), (13, 14), True, UPRIGHT, "upper", "center",
         article=spec.ART_APPENDIX),
    Look("ATTACHED", "Dòng Kèm theo", _many("attached_lines"), (13, 14), None, True, None, "center",
         article=spec.ART_ATTACHED),
)


def _pieces(look: Look, layout: Layout) -> Iterator[Piece]:
    for part in layout.parts:
        yield from look.select(part)


# --- the property checks ----------------------------------------------------------------------


def size_hits(look: Look, layout: Layout) -> Iterator[Hit]:
    least, most = look.sizes
    for piece in _pieces(look, layout):
        wrong = {s for s in piece.sizes if not within(s, least, most)}
        if wrong:
            yield Hit(f"{look.name}: cỡ chữ không đúng", size_range(least, most), pts(piece.sizes), piece, look.name)


def bold_hits(look: Look, layout: Layout) -> Iterator[Hit]:
    for piece in _pieces(look, layout):
        if look.bold and not piece.all_bold:
            got = "chỉ một phần in đậm" if piece.any_bold else "không in đậm"
            yield Hit(f"{look.name} phải in đậm", "in đậm", got, piece, look.name)
        elif look.bold is False and piece.any_bold:
            yield Hit(f"{look.name} không in đậm", "chữ thường (không đậm)", "in đậm", piece, look.name)


def italic_hits(look: Look, layout: Layout) -> Iterator[Hit]:
    for piece in _pieces(look, layout):
        if look.italic and not piece.all_italic:
            got = "chỉ một phần in nghiêng" if piece.any_italic else "chữ đứng"
            yield Hit(f"{look.name} phải in nghiêng", "in nghiêng", got, piece, look.name)
        elif look.italic is False and piece.any_italic:
            yield Hit(f"{look.name} phải là chữ đứng", "chữ đứng (không nghiêng)", "in nghiêng", piece, look.name)


_CASES = {
    "upper": (lambda t: not is_upper(t), "chữ in hoa", "có chữ thường"),
    "not-upper": (lambda t: is_upper(t) and sum(c.isalpha() for c in t) > 3, "chữ in thường", "in hoa toàn bộ"),
    "name": (lambda t: is_upper(t) or is_lower(t), "chữ thường, viết hoa chữ cái đầu mỗi tiếng", "viết sai kiểu chữ"),
}


def case_hits(look: Look, layout: Layout) -> Iterator[Hit]:
    wrong, expected, got = _CASES[look.case]
    for piece in _pieces(look, layout):
        if wrong(piece.text):
            yield Hit(f"{look.name}: sai kiểu chữ hoa/thường", expected, got, piece, look.name)


def align_hits(look: Look, layout: Layout) -> Iterator[Hit]:
    for piece in _pieces(look, layout):
        if piece.alignment is not None and piece.alignment != look.align and not _by_hand(piece, look, layout):
            yield Hit(f"{look.name} phải {alignment(look.align)}", alignment(look.align), alignment(piece.alignment),
                      piece, look.name)


_PROPERTIES = (
    ("SIZE", "sizes", size_hits, lambda k: f"cỡ chữ {size_range(*k.sizes)}"),
    ("BOLD", "bold", bold_hits, lambda k: "in đậm" if k.bold else "không in đậm"),
    ("ITALIC", "italic", italic_hits, lambda k: "in nghiêng" if k.italic else "chữ đứng"),
    ("CASE", "case", case_hits, lambda k: _CASES[k.case][1]),
    ("ALIGN", "align", align_hits, lambda k: alignment(k.align)),
)


def _by_hand(piece: Piece, look: Look, layout: Layout) -> bool:
    """Pushed to the middle with spaces or tabs and printing (about) centred: a tab's stop is
    not read, so a tab is taken at its word; spaces are measured."""
    if look.align != "center" or not piece.lead or not piece.whole or piece.para.alignment == "center":
        return False
    if piece.lead == "tab":
        return True
    room = text_width_mm(piece, layout)
    size = piece.size or 13.0
    left = widths.bold_width_mm(" " * piece.lead_spaces, size)  # a quarter em, bold or not
    middle = left + widths.bold_width_mm(piece.text, size) / 2
    return abs(middle - room / 2) <= _CENTRED_MM


_CENTRED_MM = 25.0  # off the middle by more than this, the line reads as not centred (spaces vary by font)


def _centred_by_hand(layout: Layout) -> Iterator[Hit]:
    for look in LOOKS:
        if look.align != "center":
            continue
        for piece in _pieces(look, layout):
            if _by_hand(piece, look, layout):
                how = "dấu tab" if piece.lead == "tab" else "dấu cách"
                yield Hit(f"{look.name} căn giữa bằng {how}",
                          "lệnh căn giữa (Center): căn bằng dấu cách, dấu tab sẽ lệch khi sửa chữ, đổi phông, khổ giấy",
                          f"{how} ở đầu dòng, {alignment(piece.alignment)}", piece, look.name)


ART_BY_HAND = (f"{spec.DECREE}, Phụ lục I, Mục II (các thành phần trình bày căn giữa); "
               f"căn bằng dấu cách, dấu tab: {spec.PRACTICE}")


def _register() -> None:
    """One rule per component and property of the table."""
    for look in LOOKS:
        for suffix, attribute, check, describe in _PROPERTIES:
            if getattr(look, attribute) is None:
                continue
            function = (lambda c, k: lambda layout: c(k, layout))(check, look)
            function.__doc__ = f"{look.name}: {describe(look)}."
            tag = look.align_tag or look.tag if suffix == "ALIGN" else look.tag
            add(Rule(f"ND30-{look.stem}-{suffix}", tag, look.article, f"{look.name}: {describe(look)}", function))
    add(Rule("ND30-CENTRED-BY-SPACES", "P", ART_BY_HAND,
             "Thành phần căn giữa được căn bằng lệnh căn giữa, không bằng dấu cách hay dấu tab", _centred_by_hand))


_register()
