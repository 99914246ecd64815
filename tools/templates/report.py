"""The periodic report template (Mẫu 1.4): one template for every period kind."""

from __future__ import annotations

from cchc_docs.typeset import layout as L

from .kit import (
    LANDSCAPE,
    add_report_styles,
    appendix_heading,
    assemble,
    cant_split,
    group_row,
    header_block,
    layout_table,
    para,
    repeat_header,
    rule,
    run,
    signature_block,
    style_name,
    tag,
    tr_tag,
)

# The seven task classes of cchc_docs.contexts.report_figures, under three group headers:
# tasks with a deadline (done / not done) and recurring ("thường xuyên") tasks.
TALLY_COLUMNS = [
    ("Đã hoàn thành", "Đúng hạn"), ("Đã hoàn thành", "Quá hạn"),
    ("Chưa hoàn thành", "Đang thực hiện"), ("Chưa hoàn thành", "Quá hạn"), ("Chưa hoàn thành", "Chưa đến hạn"),
    ("Thường xuyên", "Đã triển khai"), ("Thường xuyên", "Chưa triển khai"),
]
TALLY_KEYS = ["on_time", "late", "in_progress", "overdue", "not_due", "ongoing_active", "ongoing_idle"]
AREAS_WIDTHS = [12.0, 34.0, 14.0] + [15.0] * 7  # portrait body: 165 mm; "Chưa" fits a class column
UNITS_WIDTHS = [12.0, 58.0, 17.0] + [20.0] * 7 + [25.0]  # landscape: 252 mm
TARGET_COLUMNS = [("STT", 13.0), ("Chỉ tiêu", 75.0), ("Yêu cầu", 20.0), ("Kết quả đạt được", 35.0), ("Đánh giá", 22.0)]
STATUS_COLUMNS = [
    ("STT", 13.0), ("Nội dung nhiệm vụ", 66.0), ("Cơ quan chủ trì", 30.0), ("Thời hạn", 24.0),
    ("Tình trạng", 30.0), ("Ngày hoàn thành", 24.0), ("Kết quả, sản phẩm", 65.0),
]
STAT_COLUMNS = [("STT", 14.0), ("Nội dung", 114.0), ("Đơn vị tính", 34.0), ("Số liệu", 30.0), ("Tỷ lệ", 60.0)]


def report_part(doc) -> None:
    """Mẫu 1.4: header, BÁO CÁO and trích yếu, Kính gửi, opening, numbered body, signature."""
    titled_header(doc, "BÁO CÁO", "report")
    tag(doc, "if report.addressees")
    addressees_block(doc, "report")
    tag(doc, "endif")
    grounds(doc, "report")
    para(doc, "VanBan", "{{ report.opening }}")
    tag(doc, "for part in report.body")
    report_paragraphs(doc, "part.paragraphs")
    tag(doc, "if part.table == 'areas'")
    para(doc, "TenBang", "{{ report.areas_table.caption }}")
    tally_table(doc, "report.areas_table", "Lĩnh vực", AREAS_WIDTHS, with_rate=False)
    tag(doc, "elif part.table == 'targets'")
    para(doc, "TenBang", "{{ report.targets_table.caption }}")
    targets_table(doc)
    tag(doc, "endif")
    tag(doc, "endfor")
    signature_block(doc, "report")


def titled_header(doc, type_name: str, source: str) -> None:
    """Boxes 1–4 with Số and date, then the tên loại, the trích yếu ``source.title`` and the rule under it."""
    header_block(doc, with_number=True)
    para(doc, "TenLoai", type_name)
    para(doc, "TrichYeu", "{{ " + source + ".title }}")
    rule(doc, "RuleTitle")


def grounds(doc, source: str) -> None:
    """``Căn cứ …;`` lines in the căn cứ style (italic), then ``Thực hiện …;`` lines upright, one a paragraph."""
    tag(doc, f"for line in {source}.grounds")
    tag(doc, "if line.startswith('Căn cứ')")
    para(doc, "CanCu", "{{ line }}")
    tag(doc, "else")
    para(doc, "VanBan", "{{ line }}")
    tag(doc, "endif")
    tag(doc, "endfor")


def addressees_block(doc, source: str) -> None:
    """Box 9a: "Kính gửi:" with ``source.addressees`` beside it, their dashes aligned (§8)."""
    table = layout_table(doc, [60.0, L.TEXT_WIDTH_MM - 60.0])
    left, right = table.rows[0].cells
    para(left, "KinhGui", "Kính gửi:")
    tag(right, f"for line in {source}.addressees")
    para(right, "KinhGuiMuc", "{{ line }}")
    tag(right, "endfor")


def report_paragraphs(doc, source: str) -> None:
    """The numbered paragraphs of ``source``, each kind in its style (variant B, §6.4)."""
    tag(doc, f"for p in {source}")
    tag(doc, "if p.kind == 'section'")
    para(doc, "MucLaMa", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'heading'")
    para(doc, "TieuDeKhoan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'point_heading'")
    para(doc, "TieuDeDiem", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'end'")
    para(doc, "VanBanCuoi", "{{ p.lead }}{{ p.text }}")  # kept with the signature block
    tag(doc, "else")
    para(doc, "VanBan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "endif")
    tag(doc, "endfor")


def tally_table(doc, source: str, name_title: str, widths: list[float], with_rate: bool) -> None:
    """Tasks counted by class: two header rows, a row per group, a bold total row."""
    columns = 3 + len(TALLY_COLUMNS) + with_rate
    table = layout_table(doc, widths[:columns], rows=5, borders=True)
    loop, row, end = table.rows[2:]
    tally_header(table, name_title, with_rate)
    tr_tag(loop, f"for row in {source}.rows")
    tally_cells(row, "row", bold=False, with_rate=with_rate)
    tr_tag(end, "endfor")
    tally_cells(table.add_row(), f"{source}.total", bold=True, with_rate=with_rate)
    keep_head_together(table, rows=3)


def keep_head_together(table, rows: int) -> None:
    """The caption, the header rows and the first data row stay together; the rest may flow.

    Keeping the whole table together moved it, caption and all, to the next page and
    left a quarter of the report's first page empty; the header repeats on a new page.
    """
    for row in table.rows[:rows]:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def tally_header(table, name_title: str, with_rate: bool) -> None:
    """Row 1: STT, name, Tổng số (each over two rows) and the group headers; row 2: the classes."""
    for cell in table.rows[0].cells + table.rows[1].cells:
        cell.add_paragraph(style=style_name("BangTieuDe"))  # python-docx merges only cells with content
    singles = [(0, "STT"), (1, name_title), (2, "Tổng số")]
    singles += [(len(table.columns) - 1, "Tỷ lệ hoàn thành")] if with_rate else []
    for col, title in singles:
        header_text(table.cell(0, col).merge(table.cell(1, col)), title)
    groups = list(dict.fromkeys(g for g, _ in TALLY_COLUMNS))
    for group in groups:
        first = 3 + next(i for i, (g, _) in enumerate(TALLY_COLUMNS) if g == group)
        last = first + sum(1 for g, _ in TALLY_COLUMNS if g == group) - 1
        header_text(table.cell(0, first).merge(table.cell(0, last)), group)
    for offset, (_, title) in enumerate(TALLY_COLUMNS):
        header_text(table.cell(1, 3 + offset), title)
    for row in table.rows[:2]:
        repeat_header(row)
        cant_split(row)


def header_text(cell, text: str) -> None:
    """Write a column title into a (merged) header cell, keeping one paragraph."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    run(cell.paragraphs[0], text)


def tally_cells(row, name: str, bold: bool, with_rate: bool) -> None:
    cells = row.cells
    for cell in cells:  # a row added by python-docx comes with an empty paragraph per cell
        for p in cell.paragraphs:
            p._p.getparent().remove(p._p)
    weight = True if bold else None
    para(cells[0], "BangGiua", "{{ " + name + ".number }}", bold=weight)
    para(cells[1], "BangNoiDung", "{{ " + name + ".name }}", bold=weight)
    keys = ["total"] + TALLY_KEYS + (["rate"] if with_rate else [])
    for cell, key in zip(cells[2:], keys, strict=True):
        para(cell, "BangGiua", "{{ " + f"{name}.{key}" + " }}", bold=weight)
    cant_split(row)


def targets_table(doc) -> None:
    """Bảng 2 (the report that closes the plan): each target, what it asks, what was achieved."""
    widths = [w for _, w in TARGET_COLUMNS]
    table = layout_table(doc, widths, rows=4, borders=True)
    header, loop, row, end = table.rows
    for cell, (title, _) in zip(header.cells, TARGET_COLUMNS, strict=True):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, "for row in report.targets_table.rows")
    for cell, key, style in zip(row.cells, ["number", "text", "required", "achieved", "verdict"],
                                ["BangGiua", "BangNoiDung", "BangGiua", "BangGiua", "BangGiua"], strict=True):
        para(cell, style, "{{ row." + key + " }}")
    cant_split(row)
    tr_tag(end, "endfor")


def report_grouped_table(doc, columns: list[tuple[str, float]], source: str, keys: list[str],
                         styles: list[str]) -> None:
    """A table of group rows (Roman number, bold title across) and item rows, from ``source``."""
    widths = [w for _, w in columns]
    table = layout_table(doc, widths, rows=7, borders=True)
    header, loop, if_group, group, else_, item, end = table.rows
    for cell, (title, _) in zip(header.cells, columns, strict=True):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, f"for row in {source}")
    tr_tag(if_group, "if row.kind in ('area', 'group')")
    group_row(group, widths)
    tr_tag(else_, "else")
    for cell, key, style in zip(item.cells, keys, styles, strict=True):
        para(cell, style, "{{ row." + key + " }}")
    cant_split(item)
    tr_tag(end, "endif")
    tr_tag(table.add_row(), "endfor")


def status_appendix(doc) -> None:
    """Phụ lục I: every task with its status at the cut-off, grouped by reform area."""
    appendix_heading(doc, "appendices.tasks", "RuleAppendix")
    report_grouped_table(doc, STATUS_COLUMNS, "appendices.tasks.rows",
                  ["number", "content", "lead", "deadline", "status", "completed", "result"],
                  ["BangGiua", "BangNoiDung", "BangGiua", "BangGiua", "BangGiua", "BangGiua", "BangNoiDung"])


def stats_appendix(doc) -> None:
    """Phụ lục II: tasks by lead unit (Biểu 1) and the statistics of the window (Biểu 2)."""
    appendix_heading(doc, "appendices.stats", "RuleAppendix2")
    para(doc, "TenBang", "{{ appendices.stats.units.caption }}")
    tally_table(doc, "appendices.stats.units", "Cơ quan chủ trì", UNITS_WIDTHS, with_rate=True)
    tag(doc, "if appendices.stats.rows")
    para(doc, "TenBang", "{{ appendices.stats.caption }}")
    report_grouped_table(doc, STAT_COLUMNS, "appendices.stats.rows", ["number", "text", "unit", "value", "share"],
                  ["BangGiua", "BangNoiDung", "BangGiua", "BangGiua", "BangGiua"])
    tag(doc, "endif")


def build_report_template() -> bytes:
    """templates/bao-cao-quy.docx: the report (every period kind) and Phụ lục I, II, landscape."""
    return assemble(report_part, (LANDSCAPE, status_appendix), (LANDSCAPE, stats_appendix),
                    styles=add_report_styles)
