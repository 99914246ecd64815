"""The commands of a quarter run through Excel: sheets (workbooks out), collect (workbooks in), remind (công văn)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from cchc_docs.cli.common import (
    COUNT,
    DATE,
    FOLDER,
    NO_CHECK_OPTION,
    OUT_OPTION,
    PERIOD,
    PLAN,
    TEMPLATES_OPTION,
    WORKBOOK,
    Command,
    optional_date,
    parse_period,
)
from cchc_docs.cli.documents import finding_line

PERIOD_OPTION = click.option(
    "--period", "-p", "period", required=True, callback=parse_period, metavar=PERIOD,
    help="Kỳ báo cáo: 2025-Q1…2025-Q4 (quý), 2025-H1, 2025-H2 (6 tháng), 2025-9M (9 tháng), 2025-Y (năm).")


@click.command(cls=Command)
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path), metavar=PLAN)
@PERIOD_OPTION
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, metavar=FOLDER, help="Thư mục gốc; phiếu được ghi vào <THƯ-MỤC>/<tên kế hoạch>/.")
@click.option("--return-by", "return_by", callback=optional_date, metavar=DATE,
              help="Hạn đơn vị gửi lại phiếu (mặc định: 5 ngày trước hạn gửi báo cáo của kỳ).")
def sheets(plan: Path, period, out: Path, return_by: dt.date | None) -> None:
    """Lập phiếu báo cáo Excel (.xlsx) cho từng đơn vị có nhiệm vụ hoặc số liệu trong KỲ.

    Mỗi phiếu gồm hướng dẫn, danh sách nhiệm vụ đơn vị chủ trì hoặc phối hợp (điền sẵn tình trạng
    của báo cáo kỳ trước) và bảng số liệu của đơn vị; đơn vị điền các ô nền vàng rồi gửi lại.
    """
    from cchc_docs.sheets import files

    at = files.plan_at(plan, period)
    for form, path in zip(at.forms(return_by), files.write_workbooks(at, out / plan.stem, return_by), strict=True):
        counts = f"; số liệu: {', '.join(form.groups)}" if form.groups else ""
        click.echo(f"đã tạo {path} ({form.unit.code}: {len(form.rows)} nhiệm vụ{counts})")


@click.command(cls=Command)
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path), metavar=PLAN)
@PERIOD_OPTION
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path),
                metavar=f"{WORKBOOK}...")
@click.option("--force", is_flag=True, help="Ghi cả khi tệp số liệu đã được sửa tay (sau khi xem các thay đổi).")
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra phiếu và in các thay đổi, không ghi tệp.")
def collect(plan: Path, period, workbooks: tuple[Path, ...], force: bool, dry_run: bool) -> None:
    """Tổng hợp các phiếu đơn vị gửi lại vào tệp số liệu của KỲ (bao-cao/<KỲ>.yaml).

    Phiếu được kiểm tra như tệp số liệu viết tay; mọi lỗi được báo cùng lúc, theo ô
    (phieu.xlsx › Nhiệm vụ › ô H12). Tệp số liệu đã sửa tay chỉ được ghi khi có --force;
    phần report, narrative luôn được giữ nguyên.
    """
    from cchc_docs.sheets import files

    outcome = files.collect_into(files.plan_at(plan, period), list(workbooks), force=force, dry_run=dry_run)
    collected = outcome.collected
    for change in outcome.changes:
        click.echo(f"  {change}")
    for task, notes in collected.notes.items():
        for note in notes:
            click.echo(f"ghi chú {task} — {note}")
    verbs = {"created": "đã tạo", "updated": "đã cập nhật", "unchanged": "không thay đổi",
             "dry-run": "sẽ cập nhật (--dry-run, chưa ghi)"}
    click.echo(f"{verbs[outcome.status]} {outcome.path}: phiếu của {len(collected.units)} đơn vị "
               f"({', '.join(collected.units)}), {len(outcome.changes)} thay đổi")
    if collected.missing:
        click.echo(f"chưa nộp phiếu: {', '.join(collected.missing)} (giữ tình trạng đã có)", err=True)


@click.command(cls=Command)
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path), metavar=PLAN)
@click.option("--as-of", "as_of", required=True, callback=optional_date, metavar=DATE,
              help="Ngày xét nhiệm vụ quá hạn, sắp đến hạn (ngày lập công văn).")
@click.option("--days", type=click.IntRange(0, 366), default=15, show_default=True, metavar=COUNT,
              help="Nhiệm vụ có thời hạn trong số ngày này kể từ ngày xét là sắp đến hạn.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: lập công văn DOCX; json: chỉ in danh sách nhiệm vụ theo đơn vị cho máy đọc.")
@OUT_OPTION
@TEMPLATES_OPTION
@NO_CHECK_OPTION
def remind(plan: Path, as_of: dt.date, days: int, fmt: str, out: Path, templates: Path | None,
           no_check: bool) -> None:
    """Lập công văn đôn đốc các đơn vị thực hiện nhiệm vụ quá hạn và sắp đến hạn của KẾ-HOẠCH.

    Tình trạng nhiệm vụ lấy từ báo cáo gần nhất có ngày chốt số liệu không sau ngày xét. Công văn
    (bản dự thảo) được tạo vào <thư mục kết quả>/<tên kế hoạch>/cong-van-don-doc-<ngày>.docx và
    được tự kiểm tra thể thức như mọi văn bản khác.
    """
    from cchc_docs.contexts import reminder as letter
    from cchc_docs.pipeline.options import default_templates
    from cchc_docs.sheets import remind as remind_mod

    found = remind_mod.reminder(plan, as_of, days)
    if fmt == "json":
        click.echo(json.dumps(letter.as_json(found), ensure_ascii=False, indent=2))
        return
    if not found.by_unit:
        click.echo(f"{plan}: không có nhiệm vụ quá hạn hoặc đến hạn trong {days} ngày tới tại ngày "
                   f"{as_of.isoformat()}; không lập công văn")
        return
    path = remind_mod.output_path(plan, out, as_of)
    written = remind_mod.write_letter(found, path, templates or default_templates(), check=not no_check)
    for finding in written.findings:
        click.echo(finding_line(path, finding), err=True)
    click.echo(f"đã tạo {path}: {found.count(True)} nhiệm vụ quá hạn, {found.count(False)} nhiệm vụ sắp đến hạn "
               f"của {len(found.by_unit)} đơn vị ({', '.join(found.by_unit)})")
