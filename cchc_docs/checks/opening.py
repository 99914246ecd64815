"""Recognition of what opens a document: boxes 1–5 and 9a, the authority line, căn cứ
and ``QUYẾT ĐỊNH:`` (Phụ lục I, Mục II.1–6, Mục IV; Phụ lục III, Mẫu 1.2, 1.3).

Each function takes the part's :class:`~.lines.Cursor` and returns a dict of the
components it found, keyed like the fields of :class:`~.components.Part`.
"""

from __future__ import annotations

import re
from itertools import takewhile

from cchc_docs.checks.content import ARTICLE
from cchc_docs.checks.lines import (
    DECIDES,
    Cursor,
    is_addressee,
    is_appendix_label,
    is_attached_line,
    is_basis,
    is_date,
    is_letter_summary,
    is_motto,
    is_national_head,
    is_national_tail,
    is_national_title,
    is_number,
    is_stamp,
    starts_with_bullet,
)
from cchc_docs.checks.pieces import (
    Piece,
    RuleLine,
    is_rule_text,
    pieces,
    rule_under,
    same_place,
    typed_rule,
    underline_rule,
    whole,
)
from cchc_docs.checks.text import fold, is_upper
from cchc_docs.facts.extract import ParagraphFacts

# --- header (boxes 1–4) -------------------------------------------------------------------------


def header_zone(cursor: Cursor, doc_type: Piece | None) -> tuple[ParagraphFacts, ...]:
    """The paragraphs of boxes 1–4: up to the tên loại, or the header table and the short
    lines after it."""
    if doc_type is not None:
        return cursor.span(None, doc_type.index - 1)
    national = next((p for p in cursor.head(40)
                     if any(is_national_title(x) or is_national_head(x) for x in pieces(p))), None)
    if national is None:
        return _zone_without_header(cursor)
    end = _table_end(cursor, national) if national.in_table else national.index
    return cursor.span(None, _extend_header(cursor, end))


def _extend_header(cursor: Cursor, end: int) -> int:
    """Take the short header lines that follow (Số, date, V/v typed below the header table,
    as lines or in a second table)."""
    taken = 0
    for para in cursor.span(end + 1, min(cursor.last, end + 12)):
        if para.index <= end or para.is_empty:
            continue
        found = pieces(para)
        if not found or len(para.text) > 120 or is_addressee(found[0]) or taken >= 6:
            break
        if not any(is_number(x) or is_date(x) or is_letter_summary(x) or is_motto(x) or is_upper(x.text)
                   for x in found):
            break
        end, taken = _table_end(cursor, para) if para.in_table else para.index, taken + 1
    return end


def _table_end(cursor: Cursor, para: ParagraphFacts) -> int:
    """The last paragraph of the table holding ``para`` (nested tables included)."""
    index = para.index
    while (index < cursor.last and cursor.all[index + 1].in_table
           and cursor.all[index + 1].table_index >= para.table_index):
        index += 1
    return index


def _zone_without_header(cursor: Cursor) -> tuple[ParagraphFacts, ...]:
    """No Quốc hiệu: the first lines still form a header if they hold a Số or a date."""
    first = cursor.next_text(cursor.first - 1)
    if first is not None and is_appendix_label(whole(first)):
        return ()
    marks = [p.index for p in cursor.head(10) if any(is_number(x) or is_date(x) for x in pieces(p))]
    return cursor.span(None, max(marks)) if marks else ()


def header(cursor: Cursor, zone: tuple[ParagraphFacts, ...]) -> dict:
    """Boxes 1–4 by their text (first match wins: a second "Số" line is not a second Số);
    what is left above the Số is box 2. Rows of underscores are rules, never text."""
    found: dict = {"header": zone}
    others: list[Piece] = []
    typed_rules: list[Piece] = []
    every = [x for para in zone for x in pieces(para)]
    for position, piece in enumerate(every):
        key = _header_key(piece, found)
        if key:
            found[key] = piece
        elif is_rule_text(piece.text):
            typed_rules.append(piece)
        elif "national_title" not in found and is_national_head(piece) and position + 1 < len(every) \
                and is_national_tail(every[position + 1]):
            found["national_title"], found["national_wrap"] = piece, every[position + 1]
        elif not is_stamp(piece) and len(piece.text) <= 100 and piece is not found.get("national_wrap"):
            others.append(piece)
    national = found.get("national_title")
    if national is not None and found.get("motto") is not None:
        motto = found["motto"]
        found["motto_rule"] = (rule_under(motto.para, cursor.all) if motto.whole else None) or underline_rule(motto)
    found.update(_bodies(cursor, others, found.get("number"), national, typed_rules))
    return found


def _header_key(piece: Piece, found: dict) -> str | None:
    matchers = (("national_title", is_national_title), ("motto", is_motto), ("number", is_number),
                ("place_date", is_date), ("letter_summary", is_letter_summary))
    for key, test in matchers:
        if key not in found and test(piece):
            return key
    return None


def _bodies(cursor: Cursor, others: list[Piece], number: Piece | None, national: Piece | None,
            typed_rules: list[Piece]) -> dict:
    """Box 2: the lines above the Số, not in the Quốc hiệu's cell; leading lines that are
    not bold, followed by bold ones, are the chủ quản (so is a first line "UBND …")."""
    lines = [p for p in others if (number is None or _before(p, number)) and not _beside(p, national)]
    lines = [p for p in lines if not p.text.endswith(".")]
    split = 0
    while split < len(lines) and not lines[split].any_bold:
        split += 1
    if split == 0 and len(lines) > 1 and _governs(lines[0].text, lines[1].text):
        split = 1  # a chủ quản set in bold: its name is complete and a unit of it follows (Phụ lục I, Mục II.2)
    governing, issuing = (lines[:split], lines[split:]) if 0 < split < len(lines) else ([], lines)
    rule = rule_under(issuing[-1].para, cursor.all) if issuing and issuing[-1].whole else None
    rule = rule or (underline_rule(issuing[-1]) if issuing else None) or _typed_under(issuing, typed_rules)
    return {"governing_body": tuple(governing), "issuing_body": tuple(issuing), "body_rule": rule}


def _typed_under(lines: list[Piece], typed_rules: list[Piece]) -> RuleLine | None:
    """A row of underscores typed in the issuing body's column, right under its last line."""
    if not lines:
        return None
    last = lines[-1]
    for piece in typed_rules:
        below = piece.index > last.index or (piece.para is last.para and piece is not last)
        if below and piece.index <= last.index + 2 and piece.at_left == last.at_left \
                and (not last.para.in_table or same_place(piece.para, last.para)):
            return typed_rule(piece)
    return None


_GOVERNING = ("ubnd ", "hdnd ", "uy ban nhan dan tinh", "uy ban nhan dan huyen", "uy ban nhan dan thanh pho",
              "uy ban nhan dan quan", "uy ban nhan dan thi xa", "uy ban nhan dan xa", "uy ban nhan dan phuong", "bo ")
_UNITS = ("so ", "phong ", "ban ", "trung tam ", "van phong ", "cuc ", "vu ", "chi cuc ", "truong ", "thanh tra ",
          "tong cuc ", "vien ", "doan ", "hoi dong ")


def _governs(first: str, second: str) -> bool:
    """"UBND XÃ X" over "PHÒNG VĂN HÓA - XÃ HỘI", "BỘ NỘI VỤ" over "VỤ …": the first line is
    a complete name (abbreviated, or naming its level) and the second opens a unit of it."""
    head, unit = fold(first), fold(second) + " "
    return head.startswith(("ubnd ", "hdnd ")) or (head.startswith(_GOVERNING) and unit.startswith(_UNITS))


def _before(piece: Piece, number: Piece) -> bool:
    if piece.para.in_table and number.para.in_table and piece.para.table_index == number.para.table_index:
        return (piece.para.cell == number.para.cell and piece.index < number.index) or piece.para.row < number.para.row
    return piece.index < number.index or (piece.index == number.index and piece is not number and piece.at_left)


def _beside(piece: Piece, national: Piece | None) -> bool:
    """In the Quốc hiệu's table cell (the right column of the header table)."""
    return national is not None and national.para.in_table and same_place(piece.para, national.para)


# --- tên loại, trích yếu, Kèm theo; Phụ lục (boxes 5a, III.1) --------------------------------------


def title(cursor: Cursor, doc_type: Piece) -> dict:
    first = cursor.next_text(doc_type.index) or _in_a_cell_under(cursor, doc_type)
    if first is None or _starts_something_else(whole(first)) or _after_the_title(cursor, doc_type, first):
        return {}
    summary = [whole(first)]
    while len(summary) < 3:
        nxt = cursor.next_text(summary[-1].index, summary[-1].index + 1, within=first)
        if nxt is None or not _continues(summary[0], summary[-1], whole(nxt)):
            break
        summary.append(whole(nxt))
    return {"summary": tuple(summary), **_attached(cursor, summary[-1], "summary_rule")}


def _in_a_cell_under(cursor: Cursor, doc_type: Piece) -> ParagraphFacts | None:
    """A trích yếu typed in the first cell of a table right under the tên loại (to draw its
    rule as a cell border, or to keep it apart)."""
    for para in cursor.span(doc_type.index + 1, min(cursor.last, doc_type.index + 3)):
        if para.is_empty and not para.in_table:
            continue
        if para.in_table and para.row == 0 and para.cell == 0 and not para.is_empty and para.alignment == "center":
            return para
        return None
    return None


def past_table(cursor: Cursor, index: int) -> int:
    """The last paragraph of the table ``index`` stands in (``index`` itself outside tables):
    recognition goes on after a title typed in a table."""
    para = cursor.all[index] if 0 <= index < len(cursor.all) else None
    return _table_end(cursor, para) if para is not None and para.in_table else index


def _after_the_title(cursor: Cursor, doc_type: Piece, first: ParagraphFacts) -> bool:
    """The line after the tên loại is past the title block when a rule stands between
    them, or when it is an authority line in capitals followed by căn cứ."""
    between = cursor.all[doc_type.index + 1 : first.index]
    if any(p.border_top or p.border_bottom for p in between) or doc_type.para.border_bottom:
        return True
    if rule_under(first, cursor.all) is not None:
        return False  # a rule under it: the trích yếu, even typed in capitals
    nxt = cursor.next_text(first.index, first.index + 3)
    return is_upper(first.text) and nxt is not None and is_basis(whole(nxt))


def _starts_something_else(piece: Piece) -> bool:
    return is_attached_line(piece) or is_basis(piece) or is_addressee(piece) or bool(DECIDES.match(fold(piece.text)))


def _continues(first: Piece, last: Piece, nxt: Piece) -> bool:
    """A trích yếu typed over several paragraphs: same look, no rule in between."""
    return (
        first.alignment == "center" and nxt.alignment == "center" and nxt.all_bold == first.all_bold
        and not is_upper(nxt.text) and last.para.border_bottom is None and nxt.para.border_top is None
        and not _starts_something_else(nxt) and not nxt.para.has_drawing
    )


def _attached(cursor: Cursor, last: Piece, rule_key: str) -> dict:
    """The rule under the title, and a "(Kèm theo …)" line — with the lines that carry on
    its parenthesis ("của UBND tỉnh …)") — and the rule under it."""
    found: dict = {}
    rule = rule_under(last.para, cursor.all) or underline_rule(last)
    nxt = cursor.next_text(last.index, last.index + 3, within=last.para)
    if rule is not None:
        found[rule_key] = rule
    if nxt is not None and is_attached_line(whole(nxt)) and (rule is None or rule.para.index < nxt.index):
        lines = [whole(nxt)]
        while _open(lines) and len(lines) < 3 and lines[-1].para.border_bottom is None:
            more = cursor.next_text(lines[-1].index, lines[-1].index + 1, within=lines[-1].para)
            if more is None:
                break
            lines.append(whole(more))
        found.update(attached_to=lines[0], attached_more=tuple(lines[1:]),
                     attached_rule=rule_under(lines[-1].para, cursor.all))
    return found


def _open(lines: list[Piece]) -> bool:
    """The parenthesis a Kèm theo line opens is not closed yet."""
    text = " ".join(x.text for x in lines)
    return text.count("(") > text.count(")")


def appendix_title(cursor: Cursor, label: Piece) -> dict:
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
    return found


# --- Kính gửi, authority, căn cứ, QUYẾT ĐỊNH: ----------------------------------------------------


def addressee(cursor: Cursor, after: int, found: dict) -> dict:
    """Box 9a: "Kính gửi:" in the first lines after the title (or in the header zone),
    typed as text or laid out in a table ("Kính gửi:" | recipients)."""
    candidates = [x for para in found.get("header", ()) for x in pieces(para)]
    for para in cursor.span(after + 1, min(cursor.last, after + 6)):
        candidates += pieces(para)
    label = next((x for x in candidates if is_addressee(x)), None)
    if label is None:
        return {}
    if label.para.in_table:
        row = [x for para in cursor.span(label.index, None) if para.table_index == label.para.table_index
               and para.row == label.para.row for x in pieces(para)]
        return {"addressee": label, "addressee_items": tuple(x for x in row if x.index != label.index)}
    items: list[Piece] = []
    if re.match(r"^kinh gui\s*:?$", fold(label.text)):
        index = label.index
        while (nxt := cursor.next_text(index, index + 1)) is not None and starts_with_bullet(nxt.text.lstrip()):
            items.append(whole(nxt))
            index = nxt.index
    return {"addressee": label, "addressee_items": tuple(items)}


def preamble(cursor: Cursor, after: int, deciding: bool) -> dict:
    """Căn cứ lines opening the content — in every kind of document, as the decree writes the
    rule (Phụ lục I, Mục II.6 điểm a) — and, in a decision (``deciding``), the authority
    line before them and ``QUYẾT ĐỊNH:`` after them (Phụ lục III, Mẫu 1.2, 1.3)."""
    lines = []
    for para in cursor.span(after + 1, min(cursor.last, after + 40)):
        if para.in_table:
            break
        if para.is_empty or is_rule_text(para.text):
            continue
        piece = whole(para)
        if deciding and DECIDES.match(fold(piece.text)):
            return {**_authority_and_bases(lines), "decides": piece}
        if ARTICLE.match(piece.text):
            break
        lines.append(piece)
        if not deciding and not _opens_with_basis(piece):
            break
    if not deciding:
        bases = list(takewhile(_opens_with_basis, lines))
        return {"bases": tuple(bases)} if bases else {}
    bases = []
    for piece in lines:  # no QUYẾT ĐỊNH: line: take the căn cứ lines that read as such
        if not is_basis(piece) and bases:
            break
        if is_basis(piece):
            bases.append(piece)
    authority = lines[0] if lines and bases and lines[0] is not bases[0] and _is_authority(lines[0]) else None
    return {"authority": authority, "bases": tuple(bases)} if bases else {}


def _opens_with_basis(piece: Piece) -> bool:
    """A căn cứ line of a plan, report, tờ trình …: not a sentence leading into the text ("…, như sau:")."""
    return is_basis(piece) and not piece.text.endswith(":") and "nhu sau" not in fold(piece.text)


def _is_authority(piece: Piece) -> bool:
    """The line before the căn cứ naming who decides: a name, not a sentence (whatever its
    look: the look rules judge that)."""
    return not is_basis(piece) and not piece.text.endswith((";", ".", ",", ":")) and len(piece.text) <= 150


def _authority_and_bases(lines: list[Piece]) -> dict:
    """The authority line — with up to two lines carrying it on ("CHỦ TỊCH ỦY BAN NHÂN DÂN" /
    "HUYỆN AN LÃO") — then the căn cứ."""
    head = list(takewhile(_is_authority, lines[:3]))
    if head:
        return {"authority": head[0], "authority_more": tuple(head[1:]), "bases": tuple(lines[len(head):])}
    return {"bases": tuple(lines)}
