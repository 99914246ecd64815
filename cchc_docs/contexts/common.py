"""Parts shared by every document of a plan: header, số and date, signer, recipients."""

from __future__ import annotations

import datetime as dt
import functools
import re

from cchc_docs import vn
from cchc_docs.model.plan import IssuingBody, PlanFile, Signer
from cchc_docs.model.values import IssueDate
from cchc_docs.typeset import layout as L
from cchc_docs.typeset import widths

# Box 1 (§4.1): exact texts; the motto uses hyphen-minus with one space each side.
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """NFC, one space between words: data never carries line breaks into a paragraph.

    ``str.split`` cuts at what ``\\s`` matches, in C: a regex search of every value
    of a 10,000-task report took a quarter of a second. Cached (the answer depends
    on the text alone): a plan's documents print the same task, unit and lead
    texts again and again, the decision's appendix and each report alike.
    """
    return " ".join(vn.nfc(text).split())


_END_PUNCTUATION = re.compile(r"(\s|[;,.]|\./\.)+$")


def bare(text: str) -> str:
    """Text without the end punctuation the contexts add themselves (``;`` ``,`` ``.``)."""
    text = clean(text)
    # Clean text ends in no space; the pattern, tried at every character, only when it can match.
    return _END_PUNCTUATION.sub("", text) if text.endswith((";", ",", ".")) else text


def lower_first(s: str) -> str:
    """``Cải cách …`` → ``cải cách …``; an acronym (``UBND …``) keeps its case."""
    return s[0].lower() + s[1:] if len(s) > 1 and s[1].islower() else s


# The kinds of commune-level unit a People's Committee governs, longest first.
LEVELS = ("thị trấn", "đặc khu", "phường", "xã")


def level(body: IssuingBody) -> str:
    """``xã``, ``phường``, ``thị trấn`` or ``đặc khu``: the word every generated sentence uses for the unit.

    Read from the issuing body's name ("Ủy ban nhân dân phường Hồng Hải"), so a ward's
    report never speaks of "đài truyền thanh xã".
    """
    name = vn.nfc(body.name).lower()
    found = [(name.find(f" {word} "), word) for word in LEVELS if f" {word} " in name]
    return min(found)[1] if found else "xã"


def header(body: IssuingBody) -> dict:
    """Box 2: the optional governing body line and the issuing body's lines."""
    return {
        "governing_body": clean(body.governing_body) if body.governing_body else None,
        "body_lines": [clean(line) for line in body.header],
    }


def number_line(number: int | None, type_code: str, body: IssuingBody) -> str:
    """Box 3: ``Số: 39/QĐ-UBND``, or the draft blank ``Số:      /QĐ-UBND``."""
    return vn.doc_number(number, f"{type_code}-{body.abbreviation}")


def cited_number(number: int | None, type_code: str, body: IssuingBody) -> str:
    """A số/ký hiệu cited in running text: ``39/QĐ-UBND``, or ``     /QĐ-UBND`` in a draft."""
    return number_line(number, type_code, body).removeprefix("Số:").removeprefix(" ")


def issuer_reference(plan_file: PlanFile, long_date: bool = True) -> str:
    """``Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025`` (or ``ngày 31/7/2025``), or for a plan
    issued on its own ``Kế hoạch số 11/KH-UBND ngày …``: the document that issued the plan."""
    issuer = plan_file.issuer
    number = cited_number(issuer.number, issuer.type_code, plan_file.issuing_body)
    if long_date:
        dated = f" {cited_date(issuer.date)}" if issuer.date else ""
    else:
        dated = f" ngày {vn.short_date(issuer.date.as_date())}" if issuer.date and issuer.date.complete else ""
    return f"{issuer.type_name} số {number}{dated}"


def issuer_citation(plan_file: PlanFile, long_date: bool = True) -> str:
    """The document that issued the plan, cited whole as a report's "Thực hiện …" cites it.

    ``Quyết định số 39/QĐ-UBND ngày … của Ủy ban nhân dân xã … ban hành Kế hoạch …`` (the
    decision's own trích yếu), or ``Kế hoạch số 11/KH-UBND ngày … của … về cải cách hành chính …``.
    """
    subject = (lower_first(bare(plan_file.decision.title)) if plan_file.decision is not None
               else f"về {lower_first(bare(plan_file.plan.title))}")
    return f"{issuer_reference(plan_file, long_date)} của {clean(plan_file.issuing_body.name)} {subject}"


def unit_label(plan_file: PlanFile, code: str) -> str:
    """A unit as tables and running text name it: its short name, or its name."""
    unit = plan_file.unit(code)
    return clean(unit.short_name or unit.name)


def lead_names(plan_file: PlanFile, codes) -> str:
    """``Phòng VHXH, Văn phòng``: a task's lead units (one, or several leading jointly) as printed."""
    return ", ".join(unit_label(plan_file, code) for code in codes)


def grounds(legal_bases, implements=()) -> list[str]:
    """The opening lines of a plan, report or Tờ trình: ``Căn cứ …;`` then ``Thực hiện …;``, one a line.

    The decree's căn cứ rule holds in every document that has căn cứ (Phụ lục I, Mục II.6
    điểm a): one a paragraph, each ending ``;``, the last ``.``, printed in italics (the
    template gives lines opening with "Căn cứ" the căn cứ style).
    """
    bases = [f"Căn cứ {bare(b)}" for b in legal_bases]
    bases = [line + (";" if i < len(bases) - 1 else ".") for i, line in enumerate(bases)]
    return bases + [f"Thực hiện {bare(b)};" for b in implements]


def signing_date(date: IssueDate | None, today: dt.date) -> IssueDate:
    """The signing date, or for a draft without one, this month as the clerk expects."""
    return date or IssueDate(today.year, today.month)


def properties(type_name: str, summary: str, body: IssuingBody, date: IssueDate) -> dict:
    """What Word shows under File › Info, from the data alone (written by the render step).

    The title is tên loại + trích yếu read as one phrase, the trích yếu lower-cased as in
    running text (``Quyết định ban hành Kế hoạch …``); author and company are the issuing
    body by its name, not its upper-case header lines. The date is the one printed in
    box 4; a draft's blank day counts as the 1st of the printed month (an undated draft
    prints the month of the build date, see :func:`signing_date`). Never the clock: the
    same inputs give the same bytes.
    """
    name = clean(body.name)
    day = dt.date(date.year, date.month, date.day or 1)
    return {"title": f"{type_name} {lower_first(bare(summary))}", "author": name, "company": name,
            "date": day.isoformat()}


def document(number_line: str, number: int | None, body: IssuingBody, date: IssueDate) -> dict:
    """Boxes 3 and 4 (``number_line`` from :func:`number_line`), and whether the document is issued:
    numbered and dated in full; a draft is regenerated freely, an issued one never."""
    return {"number_line": number_line, "place_date": place_date(body, date),
            "final": number is not None and date.complete}


def place_date(body: IssuingBody, date: IssueDate) -> str:
    """Box 4: ``Thượng Hồng, ngày 31 tháng 7 năm 2025`` (day blank in a draft)."""
    return vn.place_date(clean(body.place), date.year, date.month, date.day)


def cited_date(date: IssueDate) -> str:
    """A date cited in running text, with the day blank in a draft (as in box 4)."""
    day = f" {vn.day_text(date.day)} " if date.day else vn.BLANK
    return f"ngày{day}tháng {vn.month_text(date.month)} năm {date.year}"


def signer_lines(signer: Signer) -> list[str]:
    """Box 7a: ``TM. …`` then ``KT. …`` (or ``Q.``/``TL.``/``TUQ.``) then the title."""
    lines = [f"TM. {clean(signer.on_behalf_of)}"] if signer.on_behalf_of else []
    if signer.prefix == "Q.":
        return lines + [f"Q. {clean(signer.title)}"]
    if signer.prefix:
        lines.append(f"{signer.prefix} {clean(signer.for_title)}")
    return lines + [clean(signer.title)]


def recipients(items: tuple[str, ...], archive: tuple[str, ...], first: list[str] = ()) -> list[str]:
    """Box 9b items: ``- …;`` each, the last always ``- Lưu: VT, <unit>.``."""
    lines = [f"- {bare(item)};" for item in [*first, *items]]
    return lines + [f"- Lưu: VT, {', '.join(archive)}."]


def rule_indents(lengths: dict[str, tuple[float, float]]) -> dict[str, float]:
    """For each rule style, the indent (mm) each side that centres a rule of its length.

    ``lengths`` maps a rule style to (rule length, width of the box it is centred in).
    """
    return {style: round(max(box - length, 0) / 2, 1) for style, (length, box) in lengths.items()}


def header_rules(body: IssuingBody, lines: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """Rules under the issuing body (1/3–1/2 of its longest line) and the motto (as long).

    ``lines``: the name printed in box 2 when it is not the issuing body's (a unit's Tờ trình).
    """
    cell = 2 * L.CELL_MARGIN_MM
    lines = list(body.header) if lines is None else lines
    return {
        "RuleBody": (widths.rule_under(lines, L.SIZE_BODY_NAME, L.RULE_SHARE), L.HEADER_LEFT_MM - cell),
        "RuleMotto": (round(widths.bold_width_mm(MOTTO, L.SIZE_MOTTO), 1), L.HEADER_RIGHT_MM - cell),
    }


def title_rule(title: str, width: float = L.TEXT_WIDTH_MM) -> tuple[float, float]:
    """The rule under a trích yếu: a share of its longest line as laid out on the page."""
    lines = widths.wrap(clean(title), L.SIZE_TITLE, width)
    return widths.rule_under(lines, L.SIZE_TITLE, L.RULE_SHARE), width

