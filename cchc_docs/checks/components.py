"""Recognise the components of the ND30 layout (§3, boxes 1–9, 12) in a document's facts.

Nothing here relies on style names: a clerk's document typed in Word is recognised by
text patterns and position, ours the same way. The document is first cut into
*parts* — a new part starts at a Quốc hiệu (a new header) or at a "Phụ lục" line —
since one file may hold a decision, the plan it issues and an appendix. In each part:

* the header zone (the header table, or the lines before the tên loại) gives the
  Quốc hiệu, Tiêu ngữ, Số, place and date by their text, and the issuing body as
  the remaining lines above the Số (leading lines that are not bold: chủ quản);
* the tên loại is a line holding exactly a type name of Phụ lục III; the trích yếu
  follows it; then a Kèm theo line, an authority line, căn cứ lines and
  ``QUYẾT ĐỊNH:`` where they are;
* the closing starts at "Nơi nhận" or at an authority prefix (TM., KT. …); its items are
  the lines under the label, the rest is the signer block (titles, then the name);
* what lies between is the body; numbered lines (I., 1., a), Điều N.) are marked.

When a paragraph cannot be placed with confidence it is left out of every component,
so component rules never judge it (§ "avoid false alarms").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_docs.facts import DocFacts, ParagraphFacts

from . import spec
from .pieces import Piece, RuleLine, pieces, rule_under, same_place, whole
from .text import BULLETS, fold, is_upper, letters, roman_value, similar

_NATIONAL = letters(spec.NATIONAL_TITLES[0])
_MOTTO = letters(spec.MOTTO)
_APPENDIX = re.compile(r"^phu luc( so)?( ([ivx]+|\d+|[a-z]))?\s*[.:]?$")
_DECIDES = re.compile(r"^quyet (dinh|nghi)\s*:?$")
_DATE = re.compile(r"ngay\b.*\bthang\b.*\bnam\b")
_NUMBER = re.compile(r"^s[ốỐ]\s*[:.]?", re.I)
_PREFIX = re.compile(r"^(tm|kt|q|tl|tuq|t/m|k/t|t\.m|k\.t)[\s./]|^(thay mat|ky thay|thua lenh|thua uy quyen)\b")
_STAMPS = ("khan", "thuong khan", "hoa toc", "mat", "toi mat", "tuyet mat", "luu hanh noi bo", "xem xong tra lai")
_BOX12 = re.compile(r"^[A-ZĐ]{1,8}\.?\s*\(\d+\)\.?$")

_ROMAN_HEAD = re.compile(r"^([IVX]+)\.\s*\S")
_CLAUSE = re.compile(r"^(\d+)\.\s+\S")
_DECIMAL = re.compile(r"^\d+\.\d+(\.\d+)*\.?\s")
_POINT = re.compile(r"^([a-zđ])\)\s*\S")
_PART_LABEL = re.compile(r"^(phan|chuong|muc|tieu muc)\s+([ivxlc]+|\d+)\b")
_ARTICLE = re.compile(r"^Điều\s*(\d+|[IVX]+)\b")


@dataclass(frozen=True, slots=True)
class Numbered:
    """A body line opening with a number: Phần/Chương, mục ``I.``, khoản ``1.``, điểm ``a)``, ``Điều 1.``."""

    para: ParagraphFacts
    level: str  # "division" | "section" | "clause" | "point" | "article" | "decimal"
    label: str  # as typed: "III", "2", "đ", "Phần I"
    value: int | None


@dataclass(frozen=True)
class Part:
    """One document inside the file (decision, attached plan, report, appendix …)."""

    index: int
    kind: str  # decision | plan | report | typed | letter | appendix | other
    first: int
    last: int
    header: tuple[ParagraphFacts, ...] = ()
    national_title: Piece | None = None
    motto: Piece | None = None
    motto_rule: RuleLine | None = None
    governing_body: tuple[Piece, ...] = ()
    issuing_body: tuple[Piece, ...] = ()
    body_rule: RuleLine | None = None
    number: Piece | None = None
    place_date: Piece | None = None
    letter_summary: Piece | None = None
    doc_type: Piece | None = None
    type_name: str | None = None  # folded: "quyet dinh"
    summary: tuple[Piece, ...] = ()
    summary_rule: RuleLine | None = None
    attached_to: Piece | None = None
    attached_rule: RuleLine | None = None
    appendix_label: Piece | None = None
    appendix_title: tuple[Piece, ...] = ()
    authority: Piece | None = None
    bases: tuple[Piece, ...] = ()
    decides: Piece | None = None
    addressee: Piece | None = None
    addressee_items: tuple[Piece, ...] = ()
    body: tuple[Piece, ...] = ()
    headings: frozenset[int] = frozenset()
    numbered: tuple[Numbered, ...] = ()
    recipients_label: Piece | None = None
    recipients: tuple[Piece, ...] = ()
    signer_titles: tuple[Piece, ...] = ()
    signer_name: Piece | None = None
    closing: tuple[Piece, ...] = ()

    @property
    def standalone(self) -> bool:
        """Issued on its own (it has a Số line): needs a date, Nơi nhận and a signature."""
        return self.number is not None

    @property
    def attached(self) -> bool:
        """A document issued together with another (Kèm theo line, no Số of its own)."""
        return self.attached_to is not None and self.number is None


@dataclass(frozen=True)
class Layout:
    """The recognised document: its parts, and a page estimate for every paragraph."""

    facts: DocFacts
    parts: tuple[Part, ...]
    pages: tuple[int, ...] = field(default=())

    def page_of(self, index: int | None) -> int | None:
        if index is None or not 0 <= index < len(self.pages):
            return None
        return self.pages[index]


# --- matching single lines ----------------------------------------------------------------


def is_national_title(piece: Piece) -> bool:
    folded = fold(piece.text)
    if len(folded) > 60 or not ("viet" in folded or "nghia" in folded or "cong hoa" in folded):
        return False
    return similar(piece.text, _NATIONAL, 0.85)


def is_motto(piece: Piece) -> bool:
    folded = fold(piece.text)
    if len(folded) > 45 or not ("doc lap" in folded or "hanh phuc" in folded or "tu do" in folded):
        return False
    return similar(piece.text, _MOTTO, 0.8)


def is_number(piece: Piece) -> bool:
    return bool(_NUMBER.match(piece.text)) and "/" in piece.text and len(piece.text) < 60


def is_date(piece: Piece) -> bool:
    if len(piece.text) >= 90 or piece.text.startswith("(") or is_attached_line(piece):
        return False
    return bool(_DATE.search(fold(piece.text)))


def is_letter_summary(piece: Piece) -> bool:
    folded = fold(piece.text)
    return folded.startswith("v/v") or folded.startswith("ve viec")


def is_stamp(piece: Piece) -> bool:
    folded = fold(piece.text).strip("()[] ")
    return folded in _STAMPS or folded.startswith("du thao")


def type_name(piece: Piece) -> str | None:
    """The folded type name when the line is exactly a tên loại of Phụ lục III."""
    folded = fold(piece.text)
    return folded if folded in spec.TYPE_CODES else None


def is_appendix_label(piece: Piece) -> bool:
    return not piece.para.in_table and bool(_APPENDIX.match(fold(piece.text)))


def is_attached_line(piece: Piece) -> bool:
    return fold(piece.text).lstrip("( ").startswith("kem theo")


def is_basis(piece: Piece) -> bool:
    folded = fold(piece.text)
    return folded.startswith(("can cu", "theo de nghi", "xet de nghi", "xet "))


def is_addressee(piece: Piece) -> bool:
    return fold(piece.text).startswith("kinh gui")


def is_recipients_label(piece: Piece) -> bool:
    return bool(re.match(r"^noi nhan\s*:?$", fold(piece.text))) or fold(piece.text).startswith("noi nhan:")


def is_signer_prefix(piece: Piece) -> bool:
    return len(piece.text) <= 80 and is_upper(piece.text) and bool(_PREFIX.match(fold(piece.text)))


def starts_with_bullet(text: str) -> bool:
    return bool(text) and text[0] in BULLETS


def is_note(piece: Piece) -> bool:
    """A parenthesised note in the signer block: "(Đã ký)", "(Chữ ký, dấu)"."""
    return piece.text.startswith("(") and piece.text.endswith(")")


# --- cutting the file into parts -------------------------------------------------------------


def recognise(facts: DocFacts, pages: tuple[int, ...] = ()) -> Layout:
    """All parts of the document with their components."""
    paragraphs = facts.paragraphs
    starts = part_starts(paragraphs)
    bounds = list(zip(starts, [s - 1 for s in starts[1:]] + [len(paragraphs) - 1]))
    parts = tuple(_part(i, paragraphs, first, last) for i, (first, last) in enumerate(bounds))
    return Layout(facts, parts, pages)


def part_starts(paragraphs: tuple[ParagraphFacts, ...]) -> list[int]:
    """Where parts begin: at each new header (Quốc hiệu) and each "Phụ lục" line."""
    starts, content, header_table = [0], 0, None
    for para in paragraphs:
        found = pieces(para) if len(para.text) < 200 else []
        start = None
        if any(is_national_title(piece) for piece in found):
            start = _header_start(paragraphs, para)
            header_table = para.table_index
        elif any(is_appendix_label(piece) for piece in found) and content:
            start = para.index
        if start is not None and start > starts[-1] and _worth_a_part(paragraphs, starts[-1], start):
            starts.append(start)
            content = 0
        elif found and not (para.in_table and para.table_index == header_table) and start is None:
            content += 1
    return starts


def _worth_a_part(paragraphs, first: int, start: int) -> bool:
    """Lines before the first header (a "DỰ THẢO" stamp) do not make a part of their own."""
    if first > 0:
        return True
    before = [p for p in paragraphs[first:start] if not p.is_empty]
    return len(before) > 3 or any(len(p.text) > 60 for p in before)


def _header_start(paragraphs, para: ParagraphFacts) -> int:
    """The first paragraph of the header holding this Quốc hiệu."""
    index = para.index
    if para.in_table:
        while index > 0 and paragraphs[index - 1].in_table and paragraphs[index - 1].table_index >= para.table_index:
            index -= 1
        return index
    taken = 0
    while index > 0 and taken < 4:  # issuing-body lines typed above the Quốc hiệu
        previous = paragraphs[index - 1]
        if previous.in_table or previous.is_empty or not is_upper(previous.text) or len(previous.text) > 80:
            break
        index, taken = index - 1, taken + 1
    return index


# --- one part ----------------------------------------------------------------------------------


class _Cursor:
    """The paragraphs of one part, with the helpers recognition walks them with."""

    def __init__(self, paragraphs: tuple[ParagraphFacts, ...], first: int, last: int) -> None:
        self.all, self.first, self.last = paragraphs, first, last

    def span(self, start: int | None = None, stop: int | None = None) -> tuple[ParagraphFacts, ...]:
        start = self.first if start is None else start
        stop = self.last if stop is None else stop
        return self.all[start : stop + 1]

    def next_text(self, after: int, limit: int | None = None) -> ParagraphFacts | None:
        """The next non-empty paragraph outside tables after ``after``."""
        for para in self.span(after + 1, limit):
            if para.in_table:
                return None
            if not para.is_empty:
                return para
        return None


def _part(index: int, paragraphs, first: int, last: int) -> Part:
    cursor = _Cursor(paragraphs, first, last)
    found: dict = {"index": index, "first": first, "last": last}
    doc_type = _doc_type(cursor)
    zone = _header_zone(cursor, doc_type)
    found.update(_header(cursor, zone))
    after = zone[-1].index if zone else first - 1
    if doc_type is not None:
        found.update(doc_type=doc_type, type_name=type_name(doc_type))
        after = doc_type.index
    label = cursor.next_text(after)
    if label is not None and is_appendix_label(whole(label)):
        found.update(_appendix_title(cursor, whole(label)))
    elif doc_type is not None:
        found.update(_title(cursor, doc_type))
    after = _last_index(found, after)
    found.update(_addressee(cursor, after, found))
    after = _last_index(found, after)
    if found.get("type_name") == "quyet dinh" or found.get("type_name") == "nghi quyet":
        found.update(_preamble(cursor, after))
        after = _last_index(found, after)
    closing_start = _closing_start(cursor, after + 1)
    found.update(_body(cursor, after + 1, (closing_start or last + 1) - 1))
    if closing_start is not None:
        found.update(_closing(cursor, closing_start))
    found["kind"] = _kind(found)
    return Part(**found)


def _last_index(found: dict, default: int) -> int:
    """The last paragraph taken by a component recognised so far."""
    indices = [default]
    for value in found.values():
        if isinstance(value, Piece):
            indices.append(value.index)
        elif isinstance(value, RuleLine):
            indices.append(value.para.index)
        elif isinstance(value, tuple) and value and isinstance(value[0], Piece):
            indices.append(value[-1].index)
    return max(indices)


def _kind(found: dict) -> str:
    kinds = {"quyet dinh": "decision", "bao cao": "report", "ke hoach": "plan"}
    if found.get("appendix_label") is not None:
        return "appendix"
    if found.get("type_name"):
        return kinds.get(found["type_name"], "typed")
    if found.get("letter_summary") is not None or found.get("number") is not None:
        return "letter"
    return "other"


def _doc_type(cursor: _Cursor) -> Piece | None:
    """The tên loại: a line, early in the part, that is exactly a type name."""
    seen = 0
    for para in cursor.span():
        if para.is_empty or para.in_table:
            continue
        seen += 1
        if seen > 25:
            return None
        piece = whole(para)
        if type_name(piece):
            return piece
        if is_appendix_label(piece) and seen > 1:
            return None
    return None


# --- header (boxes 1–4) -------------------------------------------------------------------------


def _header_zone(cursor: _Cursor, doc_type: Piece | None) -> tuple[ParagraphFacts, ...]:
    """The paragraphs of boxes 1–4: up to the tên loại, or the header table and the short
    lines after it."""
    if doc_type is not None:
        return cursor.span(None, doc_type.index - 1)
    national = next((p for p in cursor.span()[:40] if any(is_national_title(x) for x in pieces(p))), None)
    if national is None:
        return _zone_without_header(cursor)
    end = national.index
    if national.in_table:
        while end < cursor.last and cursor.all[end + 1].in_table and cursor.all[end + 1].table_index >= national.table_index:
            end += 1
    return cursor.span(None, _extend_header(cursor, end))


def _extend_header(cursor: _Cursor, end: int) -> int:
    """Take the short header lines that follow (Số, date, V/v typed outside the table)."""
    taken = 0
    for para in cursor.span(end + 1, min(cursor.last, end + 12)):
        if para.is_empty:
            continue
        found = pieces(para)
        if para.in_table or not found or len(para.text) > 120 or is_addressee(found[0]) or taken >= 6:
            break
        if not any(is_number(x) or is_date(x) or is_letter_summary(x) or is_motto(x) or is_upper(x.text) for x in found):
            break
        end, taken = para.index, taken + 1
    return end


def _zone_without_header(cursor: _Cursor) -> tuple[ParagraphFacts, ...]:
    """No Quốc hiệu: the first lines still form a header if they hold a Số or a date."""
    first = cursor.next_text(cursor.first - 1)
    if first is not None and is_appendix_label(whole(first)):
        return ()
    marks = [p.index for p in cursor.span()[:10] if any(is_number(x) or is_date(x) for x in pieces(p))]
    return cursor.span(None, max(marks)) if marks else ()


def _header(cursor: _Cursor, zone: tuple[ParagraphFacts, ...]) -> dict:
    found: dict = {"header": zone}
    others: list[Piece] = []
    for piece in (x for para in zone for x in pieces(para)):
        key = _header_key(piece, found)
        if key:
            found[key] = piece
        elif not is_stamp(piece) and len(piece.text) <= 100:
            others.append(piece)
    national = found.get("national_title")
    if national is not None and found.get("motto") is not None:
        found["motto_rule"] = rule_under(found["motto"].para, cursor.all) if found["motto"].whole else None
    found.update(_bodies(cursor, others, found.get("number"), national))
    return found


def _header_key(piece: Piece, found: dict) -> str | None:
    checks = (("national_title", is_national_title), ("motto", is_motto), ("number", is_number),
              ("place_date", is_date), ("letter_summary", is_letter_summary))
    for key, test in checks:
        if key not in found and test(piece):
            return key
    return None


def _bodies(cursor: _Cursor, others: list[Piece], number: Piece | None, national: Piece | None) -> dict:
    """Box 2: the lines above the Số, not in the Quốc hiệu's cell; leading lines that are
    not bold, followed by bold ones, are the chủ quản."""
    lines = [p for p in others if (number is None or _before(p, number)) and not _beside(p, national)]
    lines = [p for p in lines if not p.text.endswith(".")]
    split = 0
    while split < len(lines) and not lines[split].any_bold:
        split += 1
    governing, issuing = (lines[:split], lines[split:]) if 0 < split < len(lines) else ([], lines)
    rule = rule_under(issuing[-1].para, cursor.all) if issuing and issuing[-1].whole else None
    return {"governing_body": tuple(governing), "issuing_body": tuple(issuing), "body_rule": rule}


def _before(piece: Piece, number: Piece) -> bool:
    if piece.para.in_table and number.para.in_table and piece.para.table_index == number.para.table_index:
        return piece.para.cell == number.para.cell and piece.index < number.index or piece.para.row < number.para.row
    return piece.index < number.index or (piece.index == number.index and piece is not number and piece.at_left)


def _beside(piece: Piece, national: Piece | None) -> bool:
    """In the Quốc hiệu's table cell (the right column of the header table)."""
    return national is not None and national.para.in_table and same_place(piece.para, national.para)


# --- tên loại, trích yếu, Kèm theo; Phụ lục (boxes 5a, III.1) --------------------------------------


def _title(cursor: _Cursor, doc_type: Piece) -> dict:
    first = cursor.next_text(doc_type.index)
    if first is None or _starts_something_else(whole(first)):
        return {}
    summary = [whole(first)]
    while len(summary) < 3:
        nxt = cursor.next_text(summary[-1].index, summary[-1].index + 1)
        if nxt is None or not _continues(summary[0], summary[-1], whole(nxt)):
            break
        summary.append(whole(nxt))
    return {"summary": tuple(summary), **_attached(cursor, summary[-1], "summary_rule")}


def _starts_something_else(piece: Piece) -> bool:
    return is_attached_line(piece) or is_basis(piece) or is_addressee(piece) or bool(_DECIDES.match(fold(piece.text)))


def _continues(first: Piece, last: Piece, nxt: Piece) -> bool:
    """A trích yếu typed over several paragraphs: same look, no rule in between."""
    return (
        first.alignment == "center" and nxt.alignment == "center" and nxt.all_bold == first.all_bold
        and not is_upper(nxt.text) and last.para.border_bottom is None and nxt.para.border_top is None
        and not _starts_something_else(nxt) and not nxt.para.has_drawing
    )


def _attached(cursor: _Cursor, last: Piece, rule_key: str) -> dict:
    """The rule under the title, and a "(Kèm theo …)" line with the rule under it."""
    found: dict = {}
    rule = rule_under(last.para, cursor.all)
    nxt = cursor.next_text(last.index, last.index + 3)
    if rule is not None:
        found[rule_key] = rule
    if nxt is not None and is_attached_line(whole(nxt)) and (rule is None or rule.para.index < nxt.index):
        found["attached_to"] = whole(nxt)
        found["attached_rule"] = rule_under(nxt, cursor.all)
    return found


def _appendix_title(cursor: _Cursor, label: Piece) -> dict:
    titles: list[Piece] = []
    after = label.index
    while len(titles) < 3:
        nxt = cursor.next_text(after, after + 2)
        if nxt is None or is_attached_line(whole(nxt)) or (titles and titles[-1].para.border_bottom):
            break
        if titles and not (is_upper(nxt.text) and nxt.alignment == titles[0].alignment):
            break
        titles.append(whole(nxt))
        after = nxt.index
    last = titles[-1] if titles else label
    found = {"appendix_label": label, "appendix_title": tuple(titles), **_attached(cursor, last, "summary_rule")}
    found.pop("summary_rule", None)  # an appendix title carries no rule of its own (Mẫu 2.1)
    return found


# --- Kính gửi, authority, căn cứ, QUYẾT ĐỊNH: ----------------------------------------------------


def _addressee(cursor: _Cursor, after: int, found: dict) -> dict:
    """Box 9a: "Kính gửi:" in the first lines after the title (or in the header zone)."""
    candidates = [x for para in found.get("header", ()) for x in pieces(para)]
    nxt = cursor.next_text(after, after + 3)
    if nxt is not None:
        candidates += pieces(nxt)
    label = next((x for x in candidates if is_addressee(x)), None)
    if label is None:
        return {}
    items: list[Piece] = []
    if re.match(r"^kinh gui\s*:?$", fold(label.text)):
        index = label.index
        while (nxt := cursor.next_text(index, index + 1)) is not None and starts_with_bullet(nxt.text.lstrip()):
            items.append(whole(nxt))
            index = nxt.index
    return {"addressee": label, "addressee_items": tuple(items)}


def _preamble(cursor: _Cursor, after: int) -> dict:
    """Authority line, căn cứ lines and ``QUYẾT ĐỊNH:`` of a decision (§6.2, §6.3)."""
    lines = []
    for para in cursor.span(after + 1, min(cursor.last, after + 40)):
        if para.in_table:
            break
        if para.is_empty:
            continue
        piece = whole(para)
        if _DECIDES.match(fold(piece.text)):
            return {**_authority_and_bases(lines), "decides": piece}
        if _ARTICLE.match(piece.text):
            break
        lines.append(piece)
    bases = []
    for piece in lines:  # no QUYẾT ĐỊNH: line: take the căn cứ lines that read as such
        if not is_basis(piece) and bases:
            break
        if is_basis(piece):
            bases.append(piece)
    authority = lines[0] if lines and bases and lines[0] is not bases[0] and is_upper(lines[0].text) else None
    return {"authority": authority, "bases": tuple(bases)} if bases else {}


def _authority_and_bases(lines: list[Piece]) -> dict:
    if lines and is_upper(lines[0].text) and not is_basis(lines[0]):
        return {"authority": lines[0], "bases": tuple(lines[1:])}
    return {"bases": tuple(lines)}


# --- body -------------------------------------------------------------------------------------------


def _body(cursor: _Cursor, start: int, stop: int) -> dict:
    body, numbered, headings = [], [], set()
    after_label = False
    for para in cursor.span(start, stop):
        if para.in_table or para.is_empty or not para.text.strip():
            continue
        piece = whole(para)
        body.append(piece)
        mark = numbering(piece)
        if mark is not None:
            numbered.append(mark)
        if _is_heading(piece, mark) or (after_label and is_upper(piece.text)):
            headings.add(para.index)
        after_label = mark is not None and mark.level == "division"
    return {"body": tuple(body), "numbered": tuple(numbered), "headings": frozenset(headings)}


def numbering(piece: Piece) -> Numbered | None:
    """The number a body line opens with, if any (Word's own list numbering is not text)."""
    text = piece.text
    if match := _ARTICLE.match(text):
        label = match.group(1)
        return Numbered(piece.para, "article", label, int(label) if label.isdigit() else roman_value(label))
    if match := _PART_LABEL.match(fold(text)):
        return Numbered(piece.para, "division", text.split()[0], None)
    if _DECIMAL.match(text):
        return Numbered(piece.para, "decimal", text.split()[0], None)
    if match := _ROMAN_HEAD.match(text):
        return Numbered(piece.para, "section", match.group(1), roman_value(match.group(1)))
    if match := _CLAUSE.match(text):
        return Numbered(piece.para, "clause", match.group(1), int(match.group(1)))
    if match := _POINT.match(text):
        return Numbered(piece.para, "point", match.group(1), None)
    return None


def _is_heading(piece: Piece, mark: Numbered | None) -> bool:
    """Headings are free in alignment and indent (§6.4): Phần/Chương/mục lines, khoản
    titles set in bold, and bold capitals."""
    if mark is not None and mark.level in ("division", "section"):
        return True
    if mark is not None and mark.level == "clause" and piece.all_bold:
        return True
    return piece.all_bold and is_upper(piece.text)


# --- closing (boxes 7, 9b, 12) -------------------------------------------------------------------------


def _closing_start(cursor: _Cursor, start: int) -> int | None:
    """The first paragraph of the signature area: the Nơi nhận label or an authority
    prefix (TM., KT. …), or the table holding either."""
    for para in cursor.span(start, None):
        if para.is_empty:
            continue
        if any(is_recipients_label(x) or is_signer_prefix(x) for x in pieces(para)):
            return _container_start(cursor, para)
    return None


def _container_start(cursor: _Cursor, para: ParagraphFacts) -> int:
    index = para.index
    if para.in_table:
        while index > cursor.first and cursor.all[index - 1].in_table and cursor.all[index - 1].table_index >= para.table_index:
            index -= 1
    return index


def _closing(cursor: _Cursor, start: int) -> dict:
    every = [x for para in cursor.span(start, None) for x in pieces(para)]
    label = next((x for x in every if is_recipients_label(x)), None)
    items = _items(every, label) if label is not None else []
    taken = {id(x) for x in items} | {id(label)}

    def signer_side(piece: Piece) -> bool:
        if id(piece) in taken or _BOX12.match(piece.text):
            return False
        return not (label is not None and label.para.in_table and same_place(piece.para, label.para))

    titles, name = _signer(cursor, [x for x in every if signer_side(x)])
    return {"recipients_label": label, "recipients": tuple(items), "signer_titles": tuple(titles),
            "signer_name": name, "closing": tuple(every)}


def _items(every: list[Piece], label: Piece) -> list[Piece]:
    """The Nơi nhận items: the lines under the label in its cell, or the lines that
    start at the left margin with a dash (or "Lưu") under it."""
    after = every[every.index(label) + 1 :]
    if label.para.in_table:
        return [x for x in after if same_place(x.para, label.para) and not _BOX12.match(x.text)]
    items = []
    for piece in after:
        if not piece.at_left or (piece.whole and piece.para.alignment in ("center", "right")):
            continue
        if not (starts_with_bullet(piece.text) or fold(piece.text).startswith("luu")):
            break
        items.append(piece)
    return items


def _signer(cursor: _Cursor, rest: list[Piece]) -> tuple[list[Piece], Piece | None]:
    """Titles (box 7a) and the name (7b): the name is the last line, unless it is in
    capitals and nothing (a gap for the signature) separates it from the titles."""
    lines = [x for x in rest if not is_note(x)]
    if not lines:
        return [], None
    last = lines[-1]
    if len(lines) >= 2 and (not is_upper(last.text) or _gap_before(cursor, last, rest)):
        return lines[:-1], last
    return lines, None


def _gap_before(cursor: _Cursor, piece: Piece, rest: list[Piece]) -> bool:
    """Room left for the signature above a line: spacing, empty lines or a note."""
    if piece.para.space_before_pt >= 24:
        return True
    position = rest.index(piece)
    if position and is_note(rest[position - 1]):
        return True
    previous = cursor.all[max(piece.index - 2, 0) : piece.index]
    return len(previous) == 2 and all(p.is_empty and same_place(p, piece.para) for p in previous)
