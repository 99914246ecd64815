"""Phụ lục II, Biểu 2: the statistics table of a report, one row per raw or derived figure.

Rows are grouped like the usual provincial forms (cchc-reporting.md §4); each group
appears only when the status file has its counts. Ratios show their numerator and
denominator (``99,5% (1.192/1.198)``), computed by :mod:`cchc_docs.contexts.report_figures`.
"""

from __future__ import annotations

from cchc_docs import vn
from cchc_docs.contexts import report_figures
from cchc_docs.model.status import Indicators, StatusFile

# (label, unit of count, value, share or None, is a sub-row "-")
Line = tuple[str, str, int | None, report_figures.Share | None, bool]

TASKS, TIMES, UNITS, DOCS, PROCS, FILES, ITEMS, PEOPLE = (
    "nhiệm vụ", "lượt", "cơ quan, đơn vị", "văn bản", "thủ tục", "hồ sơ", "vấn đề", "người")


def stat_rows(status: StatusFile, level_word: str = "xã") -> list[dict]:
    """Group rows (Roman numbers) and figure rows (Arabic numbers, ``-`` for parts).

    The share column keeps one number of decimals from top to bottom.
    """
    rows: list[dict] = []
    groups = [(title, lines) for title, lines in _groups(status.indicators, level_word) if lines]
    for i, (title, lines) in enumerate(groups):
        rows.append({"kind": "group", "number": vn.roman(i + 1), "text": title,
                     "unit": "", "value": "", "share": None})
        rows += _lines(lines)
    shares = report_figures.column([row["share"] for row in rows])
    return [{**row, "share": text if row["share"] is not None else ""} for row, text in zip(rows, shares, strict=True)]


def _lines(lines: list[Line]) -> list[dict]:
    rows, number = [], 0
    for label, unit, value, share, is_part in lines:
        if value is None:
            continue
        number += 0 if is_part else 1
        rows.append({"kind": "item", "number": "" if is_part else str(number),
                     "text": f"- {label}" if is_part else label, "unit": unit,
                     "value": vn.format_number(value), "share": share})
    return rows


def _groups(ind: Indicators, level_word: str) -> list[tuple[str, list[Line]]]:
    return [
        ("Nhiệm vụ cấp trên giao", _assigned(ind.assigned_tasks)),
        ("Kiểm tra cải cách hành chính", _inspections(ind.inspections)),
        ("Tuyên truyền cải cách hành chính", _outreach(ind.outreach)),
        ("Ban hành, rà soát văn bản", _documents(ind.documents)),
        ("Danh mục thủ tục hành chính", _procedures(ind.procedures, level_word)),
        ("Hồ sơ thủ tục hành chính", _dossiers(ind.dossiers)),
        ("Phản ánh, kiến nghị", _feedback(ind.feedback)),
        ("Mức độ hài lòng", _satisfaction(ind.satisfaction)),
        ("Bộ máy, công vụ", _staff(ind.staff)),
        ("Chính quyền điện tử, chính quyền số", _digital(ind.digital)),
    ]


def _assigned(a) -> list[Line]:
    if a is None:
        return []
    due = a.done_on_time + a.done_late + a.overdue
    return [
        ("Số nhiệm vụ được giao", TASKS, a.assigned, None, False),
        ("Hoàn thành đúng hạn (trên số nhiệm vụ đã đến hạn)", TASKS, a.done_on_time,
         report_figures.share(a.done_on_time, due), False),
        ("Hoàn thành quá hạn", TASKS, a.done_late, None, False),
        ("Quá hạn chưa hoàn thành", TASKS, a.overdue, None, False),
        ("Đang thực hiện, chưa đến hạn", TASKS, a.assigned - due, None, False),
    ]


def _inspections(i) -> list[Line]:
    if i is None:
        return []
    return [
        ("Số cuộc kiểm tra", "cuộc", i.held, None, False),
        ("Số cơ quan, đơn vị thuộc và trực thuộc", UNITS, i.units_total, None, False),
        ("Số cơ quan, đơn vị được kiểm tra", UNITS, i.units_inspected,
         report_figures.share(i.units_inspected, i.units_total), False),
        ("Số vấn đề phát hiện qua kiểm tra", ITEMS, i.issues_found, None, False),
        ("Số vấn đề đã khắc phục, xử lý", ITEMS, i.issues_resolved,
         report_figures.share(i.issues_resolved, i.issues_found), False),
    ]


def _outreach(o) -> list[Line]:
    if o is None:
        return []
    return [
        ("Tin, bài đăng tải", "tin, bài", o.articles, None, False),
        ("Lượt phát thanh", TIMES, o.broadcasts, None, False),
        ("Hội nghị, buổi tuyên truyền", "buổi", o.meetings, None, False),
    ]


def _documents(d) -> list[Line]:
    if d is None:
        return []
    return [
        ("Văn bản quy phạm pháp luật được ban hành", DOCS, d.issued, None, False),
        ("Văn bản được rà soát, kiểm tra", DOCS, d.reviewed, None, False),
        ("Văn bản phát hiện trái pháp luật, không còn phù hợp", DOCS, d.flagged, None, False),
        ("Văn bản phát hiện đã được xử lý", DOCS, d.handled, report_figures.share(d.handled, d.flagged), False),
    ]


def _procedures(p, level_word: str) -> list[Line]:
    if p is None:
        return []
    return [
        (f"Thủ tục hành chính thuộc thẩm quyền giải quyết của {level_word}", PROCS, p.total, None, False),
        ("Thủ tục được công khai đầy đủ", PROCS, p.published, report_figures.share(p.published, p.total), False),
        ("Dịch vụ công trực tuyến toàn trình", PROCS, p.online_full,
         report_figures.share(p.online_full, p.total), False),
        ("Dịch vụ công trực tuyến một phần", PROCS, p.online_partial,
         report_figures.share(p.online_partial, p.total), False),
    ]


def _dossiers(d) -> list[Line]:
    if d is None:
        return []
    g = report_figures.dossier_figures(d)
    return [
        ("Hồ sơ kỳ trước chuyển sang", FILES, d.carried_over, None, False),
        ("Hồ sơ tiếp nhận mới", FILES, g.received, None, False),
        ("Trực tiếp", FILES, d.received_in_person, report_figures.share(d.received_in_person, g.received), True),
        ("Trực tuyến", FILES, d.received_online, g.online, True),
        ("Qua dịch vụ bưu chính công ích", FILES, d.received_by_post,
         report_figures.share(d.received_by_post, g.received), True),
        ("Hồ sơ đã giải quyết", FILES, g.resolved, None, False),
        ("Trước hạn", FILES, d.resolved_early, report_figures.share(d.resolved_early, g.resolved), True),
        ("Đúng hạn", FILES, d.resolved_on_time, report_figures.share(d.resolved_on_time, g.resolved), True),
        ("Quá hạn", FILES, d.resolved_late, report_figures.share(d.resolved_late, g.resolved), True),
        ("Giải quyết trước hạn và đúng hạn", FILES, d.resolved_early + d.resolved_on_time, g.resolved_in_time, False),
        ("Hồ sơ đang giải quyết", FILES, g.pending, None, False),
        ("Trong hạn", FILES, g.pending_on_time, None, True),
        ("Quá hạn", FILES, d.pending_overdue, None, True),
        ("Thư xin lỗi do giải quyết quá hạn", "thư", d.apologies, None, False),
        ("Hồ sơ được theo dõi trạng thái trên Hệ thống thông tin giải quyết TTHC", FILES, d.tracked, g.tracked, False),
        ("Hồ sơ thanh toán phí, lệ phí trực tuyến", FILES, d.online_payments, None, False),
        ("Hồ sơ tiếp nhận được số hóa", FILES, d.digitised, g.digitised, False),
        ("Kết quả giải quyết được số hóa", FILES, d.results_digitised, g.results_digitised, False),
    ]


def _feedback(f) -> list[Line]:
    if f is None:
        return []
    return [
        ("Phản ánh, kiến nghị tiếp nhận", "phản ánh", f.received, None, False),
        ("Phản ánh, kiến nghị đã xử lý", "phản ánh", f.resolved, report_figures.share(f.resolved, f.received), False),
    ]


def _satisfaction(s) -> list[Line]:
    if s is None:
        return []
    return [
        ("Lượt đánh giá của người dân, doanh nghiệp", TIMES, s.evaluations, None, False),
        ("Lượt đánh giá hài lòng, rất hài lòng", TIMES, s.satisfied,
         report_figures.share(s.satisfied, s.evaluations), False),
    ]


def _staff(s) -> list[Line]:
    if s is None:
        return []
    return [
        ("Biên chế được giao", "biên chế", s.quota, None, False),
        ("Cán bộ, công chức có mặt", PEOPLE, s.actual, None, False),
        ("Lượt cán bộ, công chức được đào tạo, bồi dưỡng", TIMES, s.trained, None, False),
        ("Cán bộ, công chức bị xử lý kỷ luật", PEOPLE, s.disciplined, None, False),
    ]


def _digital(d) -> list[Line]:
    if d is None:
        return []
    return [
        ("Văn bản đi", DOCS, d.documents_sent, None, False),
        ("Văn bản đi gửi dưới dạng điện tử", DOCS, d.sent_electronically,
         report_figures.share(d.sent_electronically, d.documents_sent), False),
        ("Văn bản đi được ký số", DOCS, d.signed_digitally,
         report_figures.share(d.signed_digitally, d.documents_sent), False),
    ]
