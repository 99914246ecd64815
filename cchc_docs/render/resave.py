"""Templates an office suite has saved: find the rules by name, give back the page numbers it dropped.

A clerk opens a template in Word or LibreOffice, edits a word and saves. Two things of
the lawful layout do not survive that save on their own, measured on LibreOffice 7.4
(``tests/render/test_office_save.py`` saves every template with it) and read from ECMA-376 for Word:

- **Style ids are not kept.** LibreOffice writes a new ``w:styleId`` made from the
  style's name ("Đường kẻ dưới tên cơ quan" → ``Ngkditncquan``); Word keys styles by
  name too and may renumber ids (localised Word writes ``a``, ``a0``…). The name
  (``w:name``) survives both, so the rule paragraphs (đường kẻ) are found by the name
  of their style, or by the id the shipped templates give them. The rule itself — an
  empty paragraph with a top border, sized by its left and right indents — comes back
  from both suites as it was (paragraph borders and indents are plain ``w:pPr``).
- **A one-page section loses its page-number header in LibreOffice.** LibreOffice turns
  "different first page" (``w:titlePg``) into a first-page style followed by the
  section's style, and on export writes only the page styles the layout used: in a
  template each part fits on one page, so the follow style (with the PAGE field) is
  dropped and the section comes back with the empty first-page header as its default
  header and no ``w:titlePg``. No arrangement of header references avoids it (measured:
  explicit references per section, no restart, no ``w:titlePg`` — all lost). Word keeps
  section properties as written. So on load, a section whose pages would show no
  number gets back the page-number header of the template and its first page stays
  without one (ND30 Phụ lục I, Mục I.7).

Page-number fields are kept in their complex form (``w:fldChar`` … ``w:instrText PAGE``):
LibreOffice writes every field that way (it turns ``w:fldSimple`` into it), and Word's
own form is the same, so the field reads the same after either save.
"""

from __future__ import annotations

import re
import unicodedata

from docx.enum.section import WD_HEADER_FOOTER
from docx.oxml.ns import qn

# Rules (đường kẻ): the id the shipped templates give each rule style (also the key of the
# context's ``rule_indents``) and the Vietnamese name a clerk sees in Word.
RULE_STYLES = {
    "RuleBody": "Đường kẻ dưới tên cơ quan",
    "RuleMotto": "Đường kẻ dưới tiêu ngữ",
    "RuleTitle": "Đường kẻ dưới trích yếu",
    "RulePlan": "Đường kẻ dưới dòng kèm theo của kế hoạch",
    "RuleAppendix": "Đường kẻ dưới dòng kèm theo của phụ lục",
    "RuleAppendix2": "Đường kẻ dưới dòng kèm theo của phụ lục thứ hai",
}


def name_key(name: str) -> str:
    """A style name as Word compares it: case and spacing do not matter (NFC, so ư is one letter)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


_RULE_BY_NAME = {name_key(name): kind for kind, name in RULE_STYLES.items()}


def style_names(document) -> dict[str, str]:
    """Paragraph style id → its name, from the document's styles part."""
    names = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "paragraph" and name is not None:
            names[style.get(qn("w:styleId"))] = name.get(qn("w:val"), "")
    return names


def rule_styles(document) -> dict[str, str]:
    """Style id → rule kind (a key of ``RULE_STYLES``) for every rule style of the document."""
    found = {}
    for style_id, name in style_names(document).items():
        kind = _RULE_BY_NAME.get(name_key(name)) or (style_id if style_id in RULE_STYLES else None)
        if kind:
            found[style_id] = kind
    return found


def paragraph_style(p) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


# ---------------------------------------------------------------- page numbers

DEFAULT, FIRST = WD_HEADER_FOOTER.PRIMARY, WD_HEADER_FOOTER.FIRST_PAGE


def sections(document) -> list:
    """The ``w:sectPr`` of every section, in order (paragraph ones, then the body's own)."""
    return document.element.body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr")


def has_page_field(element) -> bool:
    """True when ``element`` holds a PAGE field, in either form."""
    instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    return any(i.split()[:1] == ["PAGE"] for i in instructions)


def numbered(document, r_id: str | None) -> bool:
    """True when the header part ``r_id`` (None: no header) shows a page number."""
    part = document.part.related_parts.get(r_id) if r_id is not None else None
    return part is not None and has_page_field(part.element)


def _page_headers(document) -> list[tuple[int, str]]:
    """(section number, rId) of every default header that shows a page number."""
    found = []
    for number, sect in enumerate(sections(document)):
        ref = sect.get_headerReference(DEFAULT)
        if ref is not None and numbered(document, ref.rId):
            found.append((number, ref.rId))
    return found


def restore_page_numbers(document) -> list[int]:
    """Give every section without a page number the nearest page-number header; return their numbers (1-based).

    The section's first page keeps no number: ``w:titlePg`` is set, and a default header
    the save left in place (the empty first-page one) becomes the first-page header.
    A template with no page-number header at all is left as it is (the format check
    then says the numbers are missing).
    """
    candidates = _page_headers(document)
    if not candidates:
        return []
    restored, in_force = [], None
    for number, sect in enumerate(sections(document)):
        own = sect.get_headerReference(DEFAULT)
        in_force = own.rId if own is not None else in_force
        if numbered(document, in_force):
            continue
        # The header of the nearest section before this one that has a number, else of the nearest after.
        page = min(candidates, key=lambda c: (c[0] > number, abs(c[0] - number)))[1]
        _number_pages(sect, page)
        in_force = page
        restored.append(number + 1)
    return restored


def _number_pages(sect, page_r_id: str) -> None:
    """Point ``sect``'s default header at ``page_r_id``; its first page keeps the header it showed."""
    old = sect.remove_headerReference(DEFAULT) if sect.get_headerReference(DEFAULT) is not None else None
    if not sect.titlePg_val:
        sect.titlePg_val = True
        if old is not None and sect.get_headerReference(FIRST) is None:
            sect.add_headerReference(FIRST, old)
    sect.add_headerReference(DEFAULT, page_r_id)

