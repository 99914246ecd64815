"""Recognition of what closes a document: Nơi nhận and its items, the signer (boxes 7, 9b, 12).

The closing starts at "Nơi nhận" or at an authority prefix (TM., KT. …), or at the
table holding either; in documents typed without tables, at the centred signer lines
just above "Nơi nhận". Items are the lines under the label — in a table, those of its
cell and of the cells under it in later rows ("Nơi nhận:" in one row, its items in the
next); the rest is the signer block: titles first, the name last (Phụ lục I, Mục II.7,
II.9). Rows of underscores are rules, not lines of the block.
"""

from __future__ import annotations

from collections.abc import Iterable

from cchc_docs.checks.lines import BOX12, Cursor, is_note, is_recipients_label, is_signer_prefix, starts_with_bullet
from cchc_docs.checks.pieces import Piece, is_rule_text, pieces, same_place
from cchc_docs.checks.text import fold, fold_start, is_upper
from cchc_docs.facts.extract import ParagraphFacts

#: Box 13 (address, phone, e-mail …) may follow the signature; it is not part of it.
_CONTACT = ("dia chi", "dt:", "dt ", "dien thoai", "email", "e-mail", "website", "fax", "trang thong tin")


# --- closing (boxes 7, 9b, 12) -------------------------------------------------------------------------


def closing_start(cursor: Cursor, start: int, candidates: Iterable[int] | None = None) -> int | None:
    """The first paragraph of the signature area: the Nơi nhận label or an authority
    prefix (TM., KT. …), or the table holding either, or centred signer lines typed
    just above them; failing those, what follows the ``./.`` end mark.

    Only ``candidates`` are asked for the label or prefix (the paragraphs from ``start``
    that may hold either, ascending: see :mod:`.scan`; all when None)."""
    paragraphs = cursor.span(start, None) if candidates is None else (cursor.all[i] for i in candidates)
    for para in paragraphs:
        if para.is_empty:
            continue
        if any(is_recipients_label(x) or is_signer_prefix(x) for x in pieces(para)):
            found = container_start(cursor, para)
            return found if para.in_table else _signer_lines_above(cursor, found, start)
    return _after_end_mark(cursor, start)


def _signer_lines_above(cursor: Cursor, index: int, floor: int) -> int:
    """Step back over the centred title and name lines typed above "Nơi nhận:"."""
    while index - 1 >= floor:
        para = cursor.all[index - 1]
        text = para.text.strip()
        set_apart = para.alignment in ("center", "right") and len(text) <= 80 and not text.endswith((".", ";", ":"))
        if para.in_table or not (para.is_empty or set_apart):
            break
        index -= 1
    while index < cursor.last and cursor.all[index].is_empty:
        index += 1
    return index


def _after_end_mark(cursor: Cursor, start: int) -> int | None:
    """With neither label nor prefix: the lines after the paragraph ending in ``./.``."""
    ends = [p.index for p in cursor.span(start, None) if not p.in_table and p.text.rstrip().endswith("./.")]
    if not ends:
        return None
    rest = [p for p in cursor.span(ends[-1] + 1, None) if not p.is_empty]
    signer_like = all(not p.in_table and len(p.text.strip()) <= 80 and (p.alignment in ("center", "right")
                      or (p.runs and p.runs[0].is_tab)) for p in rest)
    return rest[0].index if rest and signer_like and any(is_upper(p.text) for p in rest) else None


def container_start(cursor: Cursor, para: ParagraphFacts) -> int:
    index = para.index
    if para.in_table:
        while (index > cursor.first and cursor.all[index - 1].in_table
               and cursor.all[index - 1].table_index >= para.table_index):
            index -= 1
    return index


def closing(cursor: Cursor, start: int) -> dict:
    every = [x for para in cursor.span(start, None) for x in pieces(para) if not is_rule_text(x.text)]
    label = next((x for x in every if is_recipients_label(x)), None)
    items = _items(every, label) if label is not None else []
    taken = {id(x) for x in items} | {id(label)}

    def signer_side(piece: Piece) -> bool:
        if id(piece) in taken or BOX12.match(piece.text) or fold_start(piece.text).startswith(_CONTACT):
            return False
        return not (label is not None and label.para.in_table and _under(piece.para, label.para))

    titles, name = _signer(cursor, [x for x in every if signer_side(x)])
    drafter = next((x for x in every if BOX12.match(x.text)), None)
    return {"recipients_label": label, "recipients": tuple(items), "signer_titles": tuple(titles),
            "signer_name": name, "drafter_code": drafter, "closing": tuple(every)}


def _items(every: list[Piece], label: Piece) -> list[Piece]:
    """The Nơi nhận items: the lines under the label in its cell, or the lines that
    start at the left margin with a dash (or "Lưu") under it."""
    after = every[every.index(label) + 1 :]
    if label.para.in_table:
        return [x for x in after if _under(x.para, label.para) and not BOX12.match(x.text)]
    items = []
    for piece in after:
        if not piece.at_left or (piece.whole and piece.para.alignment in ("center", "right")):
            continue
        if not (starts_with_bullet(piece.text) or fold(piece.text).startswith("luu")):
            break
        items.append(piece)
    return items


def _under(para: ParagraphFacts, label: ParagraphFacts) -> bool:
    """In the label's cell, or in the same column of a later row of its table."""
    return same_place(para, label) or (para.table_index == label.table_index and para.cell == label.cell
                                       and para.row > label.row)


def _signer(cursor: Cursor, rest: list[Piece]) -> tuple[list[Piece], Piece | None]:
    """Titles (box 7a) and the name (7b): the name is the last line, unless it is in
    capitals and nothing (a gap for the signature) separates it from the titles."""
    lines = [x for x in rest if not is_note(x)]
    if not lines:
        return [], None
    last = lines[-1]
    if len(lines) >= 2 and (not is_upper(last.text) or _gap_before(cursor, last, rest)):
        return lines[:-1], last
    return lines, None


def _gap_before(cursor: Cursor, piece: Piece, rest: list[Piece]) -> bool:
    """Room left for the signature above a line: spacing, empty lines or a note."""
    if piece.para.space_before_pt >= 24:
        return True
    position = rest.index(piece)
    if position and is_note(rest[position - 1]):
        return True
    previous = cursor.all[max(piece.index - 2, 0) : piece.index]
    return len(previous) == 2 and all(p.is_empty and same_place(p, piece.para) for p in previous)
