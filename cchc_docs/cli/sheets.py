"""The commands of a quarter run through Excel: sheets (workbooks out), collect (workbooks in), remind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cchc_docs.cli.common import DATE, FOLDER, PERIOD, PLAN, WORKBOOK, Command, parse_period

PERIOD_OPTION = click.option(
    "--period", "-p", "period", required=True, callback=parse_period, metavar=PERIOD,
    help="Kỳ báo cáo: 2025-Q1…2025-Q4 (quý), 2025-H1, 2025-H2 (6 tháng), 2025-9M (9 tháng), 2025-Y (năm).")


def _optional_date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"cần ngày dạng YYYY-MM-DD, nhận được '{value}'") from None


@click.command(cls=Command)
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path), metavar=PLAN)
@PERIOD_OPTION
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, metavar=FOLDER, help="Thư mục gốc; phiếu được ghi vào <THƯ-MỤC>/<tên kế hoạch>/.")
@click.option("--return-by", "return_by", callback=_optional_date, metavar=DATE,
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
