"""Box 6, the content (Phụ lục I, Mục II.6; Phụ lục III, Mẫu): paragraph format, numbering, the ``./.`` end mark."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from cchc_docs.checks import spec
from cchc_docs.checks.components import Layout, Numbered, Part
from cchc_docs.checks.pieces import Piece
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.rules.common import alignment, documents, mm, pt, within
from cchc_docs.checks.rules.preamble import next_expected
from cchc_docs.checks.text import is_upper, point_index, roman, show


def _paragraphs(part: Part) -> list[Piece]:
    """The body lines: the paragraphs the decree gives the body format (căn cứ lines
    follow the model layout only, see ND30-BASIS-LAYOUT)."""
    return list(part.body)


def _text_lines(part: Part) -> Iterator[Piece]:
    """Body lines other than headings, whose alignment and indent the decree fixes."""
    for piece in _paragraphs(part):
        if piece.index not in part.headings:
            yield piece


@rule("ND30-BODY-ALIGN", "C", spec.ART_BODY, "Nội dung căn đều hai bên")
def body_align(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in _text_lines(part):
            if piece.para.alignment not in ("both", "distribute"):
                yield Hit("Đoạn nội dung chưa căn đều hai bên", "căn đều hai bên", alignment(piece.para.alignment),
                          piece, "Nội dung")


def _indent_ok(piece: Piece) -> bool:
    """The first line starts 1 cm or 1.27 cm in: by a first-line indent, by a left indent
    with no first-line indent (the whole paragraph is in, its first line too), or by a tab."""
    para = piece.para
    if para.is_numbered:  # Word's list numbering sets its own indents
        return True
    if para.first_line_indent_mm == 0 and para.left_indent_mm == 0 and para.runs and para.runs[0].is_tab:
        return True  # a tab at the start stands for the indent (default tab stop 1.27 cm)
    start = para.left_indent_mm + para.first_line_indent_mm
    return any(abs(start - v) <= spec.INDENT_TOLERANCE_MM for v in spec.FIRST_LINE_INDENTS_MM)


def _first_line(piece: Piece) -> str:
    return mm(piece.para.left_indent_mm + piece.para.first_line_indent_mm)


@rule("ND30-BODY-INDENT", "C", spec.ART_BODY, "Lùi đầu dòng 1 cm hoặc 1,27 cm")
def body_indent(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in _text_lines(part):
            if not _indent_ok(piece):
                yield Hit("Lùi đầu dòng không đúng", "1 cm hoặc 1,27 cm", _first_line(piece), piece, "Nội dung")


@rule("ND30-BASIS-LAYOUT", "M", spec.ART_BASES_MODEL, "Căn cứ lùi đầu dòng 1 cm (1,27 cm), cách đoạn trên ít nhất 6 pt")
def basis_layout(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for previous, piece in pairwise((None, *part.bases)):
            gap = piece.para.space_before_pt + (previous.para.space_after_pt if previous is not None else 0)
            if not _indent_ok(piece):
                yield Hit("Căn cứ lùi đầu dòng không đúng mẫu", "1 cm hoặc 1,27 cm", _first_line(piece), piece,
                          "Căn cứ")
            elif gap < spec.MIN_PARAGRAPH_GAP_PT - 0.01 and previous is not None:
                yield Hit("Khoảng cách giữa hai căn cứ nhỏ hơn 6 pt", "≥ 6 pt", pt(gap), piece, "Căn cứ")


@rule("ND30-BODY-SPACING", "C", spec.ART_BODY, "Khoảng cách giữa các đoạn ít nhất 6 pt")
def body_spacing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        lines = _paragraphs(part)
        for previous, piece in pairwise(lines):
            if piece.index != previous.index + 1:
                continue  # an empty line or a table lies between
            a, b = previous.para, piece.para
            gap = a.space_after_pt + b.space_before_pt
            if a.contextual_spacing and b.contextual_spacing and a.style_id == b.style_id:
                gap = 0.0
            if gap < spec.MIN_PARAGRAPH_GAP_PT - 0.01:
                yield Hit("Khoảng cách giữa hai đoạn nhỏ hơn 6 pt", "≥ 6 pt", pt(gap), piece, "Nội dung")


@rule("ND30-BODY-LINE-SPACING", "C", spec.ART_BODY, "Giãn dòng từ một dòng (single) đến 1,5 dòng")
def body_line_spacing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in _paragraphs(part):
            spacing = piece.para.line_spacing
            if spacing.rule == "auto" and not within(spacing.value, *spec.LINE_SPACING):
                yield Hit("Giãn dòng ngoài khoảng cho phép", "1–1,5 dòng", f"{spacing.value:g} dòng".replace(".", ","),
                          piece, "Nội dung")


@rule("ND30-BODY-LINE-SPACING-EXACT", "P", spec.ART_EXACT_SPACING,
      "Giãn dòng cố định (exactly) trong khoảng 1–1,5 lần cỡ chữ")
def body_line_spacing_exact(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in _paragraphs(part):
            spacing, size = piece.para.line_spacing, piece.size
            if spacing.rule == "auto" or size is None:
                continue
            least = size if spacing.rule == "exact" else 0.0
            if not within(spacing.value, least, size * 1.5, 0.05):
                yield Hit("Giãn dòng cố định ngoài khoảng 1–1,5 lần cỡ chữ", f"{pt(size)}–{pt(size * 1.5)}",
                          pt(spacing.value), piece, "Nội dung")


@rule("ND30-END-MARK", "M", spec.ART_END_MARK, "Đoạn nội dung cuối kết thúc bằng \"./.\"")
def end_mark(layout: Layout) -> Iterator[Hit]:
    for part in documents(layout, "decision", "plan", "report", "typed", "letter"):
        if part.body and not part.body[-1].text.rstrip().endswith(spec.END_MARK):
            last = part.body[-1]
            yield Hit('Nội dung không kết thúc bằng "./."', '"…./."', show(last.text[-8:]), last, "Nội dung")


# --- numbering (Phụ lục I, Mục II.6 điểm đ) ----------------------------------------------------


class _Counters:
    """Expected next mục, khoản and điểm while walking a part's numbered lines."""

    def __init__(self) -> None:
        self.section, self.clause, self.point = 1, 1, 0

    def copy(self) -> _Counters:
        twin = _Counters()
        twin.section, twin.clause, twin.point = self.section, self.clause, self.point
        return twin

    def reset(self, level: str) -> None:
        if level in ("division", "part"):
            self.section = 1
        if level in ("division", "part", "section", "article", "heading"):
            self.clause = 1
        self.point = 0


def _walk(part: Part) -> Iterator[tuple[Numbered, str, bool]]:
    """(mark, what was expected, whether it came too early) for each numbered line that
    breaks the sequence. A quoted number (“2. …) that does not follow on belongs to the
    text quoted: it neither breaks nor moves the sequence."""
    counters = _Counters()
    marks = {mark.para.index: mark for mark in part.numbered}
    for piece in part.body:
        mark = marks.get(piece.index)
        if mark is None:
            if piece.index in part.headings and is_upper(piece.text):  # an unnumbered heading restarts khoản
                counters.reset("heading")
            continue
        breaks = list(_step(counters.copy(), mark)) if mark.quoted else []
        if not breaks:
            yield from _step(counters, mark)


def _step(counters: _Counters, mark: Numbered) -> Iterator[tuple[Numbered, str, bool]]:
    if mark.level in ("division", "article"):
        counters.reset(mark.level)
    elif mark.level == "section":
        if mark.value != counters.section:
            yield mark, roman(counters.section), mark.value < counters.section
        counters.section = next_expected(counters.section, mark.value)
        counters.reset("section")
    elif mark.level == "clause":
        if mark.value != counters.clause:
            yield mark, str(counters.clause), mark.value < counters.clause
        counters.clause = next_expected(counters.clause, mark.value)
        counters.point = 0
    elif mark.level == "point":
        index = point_index(mark.label)
        if index is None or index != counters.point:
            expected = spec.POINT_LETTERS[min(counters.point, len(spec.POINT_LETTERS) - 1)]
            yield mark, expected, index is not None and index < counters.point
        counters.point = next_expected(counters.point, index if index is not None else counters.point)


def _numbering_rule(level: str, label: str, suffix: str):
    def check(layout: Layout) -> Iterator[Hit]:
        for part in layout.parts:
            for mark, expected, early in _walk(part):
                if mark.level == level:
                    problem = "trùng hoặc ngược thứ tự" if early else "bỏ số hoặc sai chữ"
                    yield Hit(f"Số thứ tự {label} không liên tục ({problem})", f"{expected}{suffix}",
                              f"{mark.label}{suffix}", mark.para, label.capitalize())

    return check


rule("ND30-SECTION-NUMBERING", "C", spec.ART_NUMBERING, "Mục đánh số La Mã I, II, III … liên tục, không trùng")(
    _numbering_rule("section", "mục", "."))
rule("ND30-CLAUSE-NUMBERING", "C", spec.ART_NUMBERING, "Khoản đánh số 1, 2, 3 … liên tục trong mỗi mục, Điều")(
    _numbering_rule("clause", "khoản", "."))
rule("ND30-POINT-LETTERS", "C", spec.ART_NUMBERING,
     "Điểm theo bảng chữ cái tiếng Việt a, b, c, d, đ, e … (không f, j, w, z)")(
    _numbering_rule("point", "điểm", ")"))


@rule("ND30-DECIMAL-NUMBERING", "P", spec.ART_DECIMAL, "Không đánh số kiểu 1.1., 1.2. (Nghị định dùng khoản, điểm)")
def decimal_numbering(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for mark in part.numbered:
            if mark.level == "decimal":
                yield Hit("Đánh số kiểu thập phân", "khoản 1., điểm a)", show(mark.label), mark.para, "Nội dung")


# --- khoản and điểm as the decree sets them (Phụ lục I, Mục II.6 điểm đ) -----------------------------

_TERMINAL = (".", ";", ":", ",", "!", "?", "…")


def titled_clause(piece: Piece) -> bool:
    """"1. Mục đích": a khoản number with a short title on a line of its own (no sentence ending)."""
    words = piece.text.split()
    return 1 < len(words) <= 16 and not piece.text.rstrip("”\"’»)").endswith(_TERMINAL)


def _titled_clauses(part: Part) -> Iterator[Piece]:
    """Khoản lines with a title: followed by their content (text, bullets or điểm), not by
    another numbered line, and not following a khoản themselves (a list of short items, such
    as the members of a board, has no titles)."""
    marks = {mark.para.index: mark for mark in part.numbered}

    def level(piece: Piece) -> str | None:
        return marks[piece.index].level if piece.index in marks else None

    body = part.body
    for position, piece in enumerate(body[:-1]):
        mark = marks.get(piece.index)
        if mark is None or mark.level != "clause" or mark.quoted or not titled_clause(piece):
            continue
        before = level(body[position - 1]) if position else None
        if level(body[position + 1]) in (None, "point") and before != "clause":
            yield piece


@rule("ND30-CLAUSE-TITLE-BOLD", "C", spec.ART_NUMBERING, "Khoản có tiêu đề: số và tiêu đề in đậm, trên một dòng riêng")
def clause_title_bold(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in _titled_clauses(part):
            if not piece.all_bold:
                got = "chỉ một phần in đậm" if piece.any_bold else "không in đậm"
                yield Hit("Khoản có tiêu đề phải in đậm", "số và tiêu đề khoản in đậm", got, piece, "Khoản")


@rule("ND30-POINT-ITALIC", "C", spec.ART_NUMBERING, "Điểm a), b), c) … trình bày chữ đứng (không in nghiêng)")
def point_italic(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        pieces = {piece.index: piece for piece in part.body}
        for mark in part.numbered:
            piece = pieces.get(mark.para.index)
            if mark.level == "point" and not mark.quoted and _label_italic(piece):
                yield Hit("Điểm phải trình bày chữ đứng", "chữ đứng", "in nghiêng", piece, "Điểm")


def _label_italic(piece: Piece) -> bool:
    """The điểm's letter and bracket ("a)") are set in italics (a quotation in the text may be)."""
    covered = 0
    for run in piece.runs:
        text = run.text.lstrip() if not covered else run.text
        if text.strip() and run.italic:
            return True
        covered += len(text)
        if covered >= 2:
            return False
    return False
