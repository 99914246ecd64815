"""Page setup and page numbers (Phụ lục I, Mục I.1–3, I.7): paper, orientation, margins, the PAGE field.

One fact, one finding: a margin that is wrong the same way in every section is one
finding naming the sections ("Lề trang (section 1–3)"), not one per section.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from cchc_docs.checks import pages, spec
from cchc_docs.checks.components import Layout, Part
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.rules.common import alignment, mm, pts, size_range, within
from cchc_docs.facts.extract import HeaderFooterFacts, ParagraphFacts, SectionFacts

_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _first_page(layout: Layout, section: SectionFacts) -> int | None:
    """The real page where a section begins, when a PDF was read."""
    return layout.page_of(section.first_paragraph) if section.first_paragraph <= section.last_paragraph else None


def sections_label(indices: Iterable[int]) -> str:
    """"section 2", "section 1, 2", "section 1–5, 7" (numbered from 1)."""
    numbers = sorted({index + 1 for index in indices})
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = [f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs]
    return "section " + ", ".join(shown)


def _once(layout: Layout, hits: Iterable[tuple[SectionFacts, tuple, Hit]], name: str) -> Iterator[Hit]:
    """One hit per distinct fact (its key), naming every section it holds in."""
    grouped: dict[tuple, list] = {}
    for section, key, hit in hits:
        grouped.setdefault(key, [hit, []])[1].append(section)
    for hit, sections in grouped.values():
        yield replace(hit, component=f"{name} ({sections_label(s.index for s in sections)})",
                      page=_first_page(layout, sections[0]))


@rule("ND30-PAPER-SIZE", "C", spec.ART_PAPER, "Khổ giấy A4 (210 × 297 mm)")
def paper_size(layout: Layout) -> Iterator[Hit]:
    def hits():
        for section in layout.facts.sections:
            got = sorted((section.page_width_mm, section.page_height_mm))
            if any(abs(a - b) > spec.PAPER_TOLERANCE_MM for a, b in zip(got, spec.A4_MM, strict=True)):
                size = f"{section.page_width_mm:g} × {section.page_height_mm:g} mm"
                yield section, (size,), Hit("Khổ giấy không phải A4", "210 × 297 mm", size)

    yield from _once(layout, hits(), "Trang")


def _layout_tables(layout: Layout) -> set[int]:
    """Tables that only place the header, Kính gửi or signature: they are not "bảng biểu"."""
    found = set()
    for part in layout.parts:
        for piece in (part.national_title, part.number, part.addressee, part.recipients_label, *part.signer_titles):
            if piece is not None and piece.para.in_table:
                found.add(piece.para.table_index)
    return found


@rule("ND30-ORIENTATION", "C", spec.ART_PAPER, "Trang đứng; trang nằm ngang chỉ khi có bảng biểu")
def orientation(layout: Layout) -> Iterator[Hit]:
    layout_tables = _layout_tables(layout)
    with_tables = {t.section_index for t in layout.facts.tables if t.index not in layout_tables}
    hits = ((section, (), Hit("Trang nằm ngang nhưng không có bảng biểu", "trang đứng (chiều dài khổ A4)",
                              "trang nằm ngang"))
            for section in layout.facts.sections
            if section.orientation == "landscape" and section.index not in with_tables)
    yield from _once(layout, hits, "Trang")


def _margin_rule(side: str):
    least, most = spec.MARGINS_MM[side]

    def check(layout: Layout) -> Iterator[Hit]:
        hits = ((section, (value,), Hit(f"Lề {_SIDES[side]} không đúng", f"{least:g}–{most:g} mm", mm(value)))
                for section in layout.facts.sections
                if not within(value := getattr(section, f"margin_{side}_mm"), least, most, spec.MARGIN_TOLERANCE_MM))
        yield from _once(layout, hits, "Lề trang")

    check.__doc__ = f"Lề {_SIDES[side]} {least:g}–{most:g} mm."
    return check


for _side in spec.MARGINS_MM:
    _least, _most = spec.MARGINS_MM[_side]
    rule(f"ND30-MARGIN-{_side.upper()}", "C", spec.ART_MARGIN,
         f"Lề {_SIDES[_side]} {_least:g}–{_most:g} mm")(_margin_rule(_side))


# --- page numbers -------------------------------------------------------------------------------


def _page_paragraph(story: HeaderFooterFacts | None) -> ParagraphFacts | None:
    if story is None:
        return None
    return next((p for p in story.paragraphs if "PAGE" in p.fields), None)


def _sections(layout: Layout, part: Part) -> list[SectionFacts]:
    return [s for s in layout.facts.sections if s.first_paragraph <= part.last and s.last_paragraph >= part.first]


def _shown_on_first_page(section: SectionFacts) -> bool:
    story = section.header("first") if section.title_page else section.header("default")
    footer = section.footer("first") if section.title_page else section.footer("default")
    return _page_paragraph(story) is not None or _page_paragraph(footer) is not None


def _long(layout: Layout, part: Part) -> bool:
    return pages.extent(layout.facts, part.first, part.last) >= spec.MULTI_PAGE_THRESHOLD


@rule("ND30-PAGE-NUMBER-MISSING", "C", spec.ART_PAGE_NUMBER, "Văn bản nhiều trang phải đánh số trang")
def page_number_missing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        unnumbered = [section for section in _sections(layout, part)
                      if _page_paragraph(section.header()) is None and _page_paragraph(section.footer()) is None]
        # The length is estimated only when it matters: measuring every paragraph costs more than the rest.
        if unnumbered and _long(layout, part):
            yield Hit("Văn bản dài hơn một trang nhưng không có số trang", "số trang ở đầu trang, căn giữa",
                      "không có trường số trang (PAGE)", component="Số trang", page=_first_page(layout, unnumbered[0]))


@rule("ND30-PAGE-NUMBER-POSITION", "C", spec.ART_PAGE_NUMBER, "Số trang ở phần đầu trang (header), căn giữa")
def page_number_position(layout: Layout) -> Iterator[Hit]:
    def hits():
        for section in layout.facts.sections:
            header, footer = _page_paragraph(section.header()), _page_paragraph(section.footer())
            if header is None and footer is not None:
                yield section, ("footer", id(footer)), Hit("Số trang đặt ở chân trang", "ở đầu trang (header)",
                                                           "ở chân trang (footer)")
            elif header is not None and header.alignment != "center":
                yield section, ("header", id(header)), Hit("Số trang chưa căn giữa", "căn giữa",
                                                           alignment(header.alignment))

    yield from _once(layout, hits(), "Số trang")


def _number_runs(para: ParagraphFacts):
    shown = [run for run in para.runs if run.is_field_result and run.text.strip()]
    return shown or [run for run in para.runs if run.text.strip()]


@rule("ND30-PAGE-NUMBER-SIZE", "C", spec.ART_PAGE_NUMBER, "Số trang cỡ chữ 13–14 pt")
def page_number_size(layout: Layout) -> Iterator[Hit]:
    def hits():
        for section in layout.facts.sections:
            para = _page_paragraph(section.header())
            sizes = {run.size_pt for run in _number_runs(para)} if para is not None else set()
            if any(not within(s, *spec.PAGE_NUMBER_SIZES) for s in sizes):
                yield section, (id(para),), Hit("Số trang cỡ chữ không đúng", size_range(*spec.PAGE_NUMBER_SIZES),
                                                pts(sizes))

    yield from _once(layout, hits(), "Số trang")


@rule("ND30-PAGE-NUMBER-UPRIGHT", "C", spec.ART_PAGE_NUMBER, "Số trang là chữ đứng")
def page_number_upright(layout: Layout) -> Iterator[Hit]:
    def hits():
        for section in layout.facts.sections:
            para = _page_paragraph(section.header())
            if para is not None and any(run.italic for run in _number_runs(para)):
                yield section, (id(para),), Hit("Số trang in nghiêng", "chữ đứng", "in nghiêng")

    yield from _once(layout, hits(), "Số trang")


@rule("ND30-PAGE-NUMBER-FIRST-PAGE", "C", spec.ART_PAGE_NUMBER, "Không hiện số trang ở trang đầu")
def page_number_first_page(layout: Layout) -> Iterator[Hit]:
    sections = layout.facts.sections
    if sections and _shown_on_first_page(sections[0]):
        how = ("trang đầu dùng chung đầu trang có số" if not sections[0].title_page
               else "đầu trang riêng của trang đầu có số")
        yield Hit("Trang đầu văn bản hiện số trang", "trang 1 không hiện số (Different First Page)", how,
                  component="Số trang", page=1)


def _part_section(layout: Layout, part: Part) -> SectionFacts | None:
    """The section a part opens, if it opens one (leading empty paragraphs aside)."""
    for section in layout.facts.sections:
        lead = layout.facts.paragraphs[section.first_paragraph : part.first]
        if section.first_paragraph <= part.first <= section.last_paragraph and all(p.is_empty for p in lead):
            return section
    return None


@rule("ND30-PAGE-NUMBER-PART-FIRST-PAGE", "P", spec.ART_PART_FIRST_PAGE,
      "Không hiện số trang ở trang đầu của văn bản kèm theo và phụ lục")
def page_number_part_first_page(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts[1:]:
        section = _part_section(layout, part)
        if (section is not None and section.index > 0 and section.page_number_start == 1
                and _shown_on_first_page(section)):
            yield Hit("Trang đầu của phần này hiện số trang", "không hiện số ở trang đầu", "có số trang",
                      component="Số trang", page=_first_page(layout, section))


@rule("ND30-PAGE-NUMBER-RESTART", "C", spec.ART_APPENDIX_PAGES, "Số trang của mỗi phụ lục đánh riêng, bắt đầu từ 1")
def page_number_restart(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.kind != "appendix" or part.index == 0:
            continue
        section = _part_section(layout, part)
        if section is None or section.page_number_start != 1:
            got = "phụ lục không bắt đầu section mới" if section is None else "không đặt lại số trang"
            yield Hit("Số trang của phụ lục không đánh lại từ 1", "section mới, số trang bắt đầu từ 1", got,
                      part.appendix_label, "Phụ lục")
