"""The decision templates: the issuing decision with its plan and appendix, the amending
decision with its comparison appendix, and the consolidated plan (Mẫu 1.3, Mẫu 2.1)."""

from __future__ import annotations

from .kit import (
    LANDSCAPE,
    PORTRAIT,
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
    tag,
    tag_in,
    tr_tag,
)


def decision_part(doc) -> None:
    """Mẫu 1.3: the decision that issues the plan."""
    header_block(doc, with_number=True)
    para(doc, "TenLoai", "QUYẾT ĐỊNH")
    para(doc, "TrichYeu", "{{ decision.title }}")
    rule(doc, "RuleTitle")
    para(doc, "ThamQuyen", "{{ decision.authority }}")
    tag(doc, "for line in decision.bases")
    para(doc, "CanCu", "{{ line }}")
    tag(doc, "endfor")
    para(doc, "QuyetDinh", "QUYẾT ĐỊNH:")
    tag(doc, "for article in decision.articles[:-1]")
    article(doc, "article")
    tag(doc, "endfor")
    # The last article keeps with the signature block, so a page never opens with
    # "Nơi nhận" and the signer alone (§7).
    tag(doc, "set last = decision.articles[-1]")
    article(doc, "last", keep=True)
    signature_block(doc)


def article(doc, name: str, keep: bool = False) -> None:
    """``Điều N.`` in bold, its text, then its clauses, one paragraph each."""
    p = para(doc, "VanBan")
    run(p, "{{ " + name + ".label }}", bold=True)
    run(p, " {{ " + name + ".text }}")
    tag(doc, f"for clause in {name}.clauses")
    clause = para(doc, "VanBan", "{{ clause }}")
    tag(doc, "endfor")
    for paragraph in (p, clause) if keep else ():
        paragraph.paragraph_format.keep_with_next = True


def plan_part(doc) -> None:
    """The attached plan: boxes 1–2 without Số and date, KẾ HOẠCH, Kèm theo line, body."""
    header_block(doc, with_number=False)
    para(doc, "TenLoai", "KẾ HOẠCH")
    para(doc, "TrichYeu", "{{ plan.title }}")
    para(doc, "KemTheo", "{{ plan.attached_to }}")
    rule(doc, "RulePlan")
    plan_body(doc)


def plan_body(doc, end_kept: bool = False) -> None:
    """The plan's numbered paragraphs, each kind in its style (variant B, §6.4).

    ``end_kept``: the paragraph of kind ``end`` (the last, ending ``./.``) keeps with the
    signature block that follows it, in a plan that is signed itself.
    """
    tag(doc, "for p in plan.paragraphs")
    tag(doc, "if p.kind == 'section'")
    para(doc, "MucLaMa", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'heading'")
    para(doc, "TieuDeKhoan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'point_heading'")
    para(doc, "TieuDeDiem", "{{ p.lead }}{{ p.text }}")
    if end_kept:
        tag(doc, "elif p.kind == 'end'")
        para(doc, "VanBanCuoi", "{{ p.lead }}{{ p.text }}")
    tag(doc, "else")
    para(doc, "VanBan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "endif")
    tag(doc, "endfor")


APPENDIX_COLUMNS = [
    ("STT", 12.0),
    ("Nội dung nhiệm vụ", 82.0),
    ("Cơ quan chủ trì", 33.0),
    ("Cơ quan phối hợp", 45.0),
    ("Thời gian hoàn thành", 28.0),
    ("Sản phẩm", 52.0),
]


def appendix_part(doc, key: str = "appendix", rule_style: str = "RuleAppendix") -> None:
    """Mẫu 2.1: the task appendix, landscape, its header row repeated on every page."""
    appendix_heading(doc, key, rule_style)
    widths = [w for _, w in APPENDIX_COLUMNS]
    table = layout_table(doc, widths, rows=7, borders=True)
    header, loop, if_area, area, else_, task, end = table.rows
    for cell, (title, _) in zip(header.cells, APPENDIX_COLUMNS, strict=True):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, f"for row in {key}.rows")
    tr_tag(if_area, "if row.kind == 'area'")
    group_row(area, widths)
    tr_tag(else_, "else")
    task_row(task)
    tr_tag(end, "endif")
    tr_tag(table.add_row(), "endfor")


COMPARISON_COLUMNS = [
    ("STT", 12.0),
    ("Nội dung đã ban hành", 95.0),
    ("Nội dung sửa đổi, bổ sung", 95.0),
    ("Lý do", 50.0),
]


def comparison_part(doc) -> None:
    """The comparison appendix of an amendment decision: before | after | reason."""
    appendix_heading(doc, "comparison", "RuleAppendix")
    table = layout_table(doc, [w for _, w in COMPARISON_COLUMNS], rows=4, borders=True)
    header, loop, body, end = table.rows
    for cell, (title, _) in zip(header.cells, COMPARISON_COLUMNS, strict=True):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, "for row in comparison.rows")
    para(body.cells[0], "BangGiua", "{{ row.number }}")
    for cell, side in zip(body.cells[1:3], ("before", "after"), strict=True):
        tag_in(cell, f"for line in row.{side}")
        para(cell, "BangNoiDung", "{{ line }}")
        tag_in(cell, "endfor")
    para(body.cells[3], "BangNoiDung", "{{ row.reason }}")
    tr_tag(end, "endfor")


def task_row(row) -> None:
    cells = row.cells
    para(cells[0], "BangGiua", "{{ row.number }}")
    para(cells[1], "BangNoiDung", "{{ row.content }}")
    para(cells[2], "BangGiua", "{{ row.lead }}")
    para(cells[3], "BangGiua", "{{ row.partners }}")
    para(cells[4], "BangGiua", "{{ row.deadline }}")
    para(cells[5], "BangNoiDung", "{{ row.product }}")
    cant_split(row)


def build_decision_template() -> bytes:
    """templates/quyet-dinh.docx: decision, attached plan, appendix — three sections."""
    return assemble(decision_part, (PORTRAIT, plan_part), (LANDSCAPE, appendix_part))


def build_amendment_template() -> bytes:
    """templates/quyet-dinh-sua-doi.docx: the amending decision, Phụ lục I and II."""
    return assemble(decision_part, (LANDSCAPE, comparison_part),
                    (LANDSCAPE, lambda doc: appendix_part(doc, "appendix", "RuleAppendix2")))


def build_plan_template() -> bytes:
    """templates/ke-hoach.docx: the plan as amended (consolidated) and its appendix."""
    return assemble(plan_part, (LANDSCAPE, appendix_part))
