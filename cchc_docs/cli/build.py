"""The commands that make documents from data: validate, build, report."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from cchc_docs.cli import console
from cchc_docs.cli.common import (
    COUNT,
    DATE,
    FOLDER,
    JOBS_OPTION,
    NEW_VERSION_OPTION,
    NO_CHECK_OPTION,
    OUT_OPTION,
    PDF_OPTION,
    PERIOD,
    PLAN,
    STATUS,
    TEMPLATES_OPTION,
    Command,
    parse_date,
    parse_period,
)
from cchc_docs.cli.documents import convert_to_pdf, finding_line
from cchc_docs.cli.register import check_registers
from cchc_docs.pipeline import batch
from cchc_docs.pipeline.options import Options, default_templates

# The commands import what they need when they run: a build in which nothing changed
# should not pay for loading the renderer, the validator and the format checker.


@click.command(cls=Command)
@click.argument("plan", type=click.Path(path_type=Path), metavar=PLAN)
def validate(plan: Path) -> None:
    """Kiểm tra tệp dữ liệu KẾ-HOẠCH (YAML), các lần sửa đổi và các tệp số liệu báo cáo cạnh nó.

    Báo mọi lỗi cùng lúc, không ghi tệp nào.
    """
    from cchc_docs.model.load import load_all

    loaded = load_all(plan)
    check_registers([plan])  # the numbers in the data against the register beside the plan, if any
    versions, statuses = loaded.versions, loaded.statuses
    latest = versions[-1].plan
    parts = [f"{len(latest.tasks)} nhiệm vụ", f"{len(latest.targets)} chỉ tiêu"]
    if len(versions) > 1:
        parts.append(f"{len(versions) - 1} lần sửa đổi, bổ sung")
    if statuses:
        parts.append(f"số liệu báo cáo: {', '.join(sorted(p.code for p in statuses))}")
    for warning in loaded.warnings:
        click.echo(str(warning), err=True)
    click.echo(f"{plan}: hợp lệ ({'; '.join(parts)})")


@click.command(cls=Command)
@click.argument("targets", nargs=-1, required=True, type=click.Path(path_type=Path), metavar=f"{PLAN}|{FOLDER}...")
@OUT_OPTION
@TEMPLATES_OPTION
@click.option("--date", "today", callback=parse_date, metavar=DATE,
              help="Ngày dùng cho bản dự thảo chưa ghi ngày (mặc định: hôm nay).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1, show_default="số lõi CPU",
              metavar=COUNT, help="Số tiến trình làm việc song song (và số LibreOffice khi có --pdf).")
@click.option("--dry-run", is_flag=True, help="Chỉ liệt kê văn bản sẽ được tạo lại và lý do, không ghi gì.")
@click.option("--force", is_flag=True, help="Tạo lại mọi văn bản, kể cả văn bản không đổi.")
@click.option("--prune", is_flag=True,
              help="Xóa các tệp kết quả không còn được tạo ra (trừ văn bản đã ban hành, có số).")
@click.option("--prune-issued", "prune_issued", is_flag=True,
              help="Như --prune, và xóa cả văn bản đã ban hành (có số) không còn được tạo ra.")
@NEW_VERSION_OPTION
@PDF_OPTION
@NO_CHECK_OPTION
def build(targets: tuple[Path, ...], out: Path, templates: Path | None, today: dt.date, jobs: int,
          dry_run: bool, force: bool, prune: bool, prune_issued: bool, new_version: bool, make_pdf: bool,
          no_check: bool) -> None:
    """Sinh mọi văn bản của các kế hoạch: Quyết định, Quyết định sửa đổi, Kế hoạch hợp nhất, Báo cáo.

    Văn bản của mỗi KẾ-HOẠCH (tệp YAML), hoặc của mọi kế hoạch trong THƯ-MỤC, được tạo vào
    <thư mục kết quả>/<tên tệp kế hoạch>/. Chỉ văn bản có dữ liệu, mẫu hoặc phiên bản chương
    trình thay đổi mới được tạo lại.
    """
    options = Options(out, templates or default_templates(), today, check=not no_check,
                      force=force, dry_run=dry_run, new_version=new_version)
    run_build(list(targets), options, jobs, prune, make_pdf, prune_issued=prune_issued)


def run_build(targets: list[Path], options: Options, jobs: int, prune: bool = False, make_pdf: bool = False,
              prune_issued: bool = False) -> None:
    """The one build recipe behind `build` and `report`: results, warnings, summary, PDFs, exit code."""
    out = options.out_root
    plans = batch.discover(targets)
    check_registers([target.plan for target in plans])  # numbers against the registers, if any
    progress = console.Progress(len(plans), sys.stderr, tty=sys.stderr.isatty(), out=sys.stdout)
    summary = batch.build_targets(plans, options, jobs, prune, lambda plan: report_plan(plan, progress, out),
                                  prune_issued=prune_issued)
    progress.finish()
    for path in summary.obsolete:
        click.echo(f"{out / path}: {'đã xóa' if path in summary.pruned else summary.kept[path]}")
    for line in summary.warnings:
        click.echo(line, err=True)
    for line in summary.errors:
        click.echo(line, err=True)
    click.echo(summary.line())
    if make_pdf and not options.dry_run:
        docx = [out / r.path for p in summary.plans for r in p.results if (out / r.path).is_file()]
        convert_to_pdf(docx, jobs=jobs)
    if summary.exit_code:
        raise click.exceptions.Exit(summary.exit_code)


def report_plan(plan, progress: console.Progress, out: Path) -> None:
    """What happened to one plan: every document that changed (even before a failure), every problem."""
    for warning in plan.warnings:
        progress.message(warning, problem=True)
    for result in plan.results:
        if result.status != "unchanged":
            progress.message(result_line(result, out), problem=result.status in ("conflict", "failed"))
        for finding in result.findings:
            progress.message(finding_line(out / (result.written or result.path), finding), problem=True)
    if plan.error:
        progress.message(console.located(plan.plan, plan.error), problem=True)
    said = batch.Summary([plan]).line() if plan.results or not plan.error else "lỗi"
    progress.advance(f"{plan.plan}: {said}", quiet=plan.skipped)


def result_line(result, out: Path) -> str:
    """``đã tạo out/x/quyet-dinh.docx`` or ``sẽ tạo lại …: lý do``."""
    verb = batch.STATUS_VI[result.status]
    path = out / (result.written or result.path)
    why = f" ({'; '.join(result.reasons)})" if result.reasons and result.status != "created" else ""
    if result.status == "conflict" and not (out / result.path).exists():
        return (f"{out / result.path}: văn bản đã ban hành (có số) đã bị xóa, và tạo lại thì khác bản đã ban hành"
                f"{why}; không tạo lại (dùng --new-version để ghi bản mới bên cạnh)")
    if result.status == "conflict":
        return (f"{out / result.path}: văn bản đã ban hành (có số) nhưng dữ liệu đã thay đổi{why}; giữ nguyên, "
                "không ghi đè (dùng --new-version để ghi bản mới bên cạnh)")
    return f"{verb} {path}{why}"


@click.command(cls=Command)
@click.argument("plan", type=click.Path(path_type=Path), metavar=PLAN)
@click.option("--period", "-p", "period", required=True, callback=parse_period, metavar=PERIOD,
              help="Kỳ báo cáo: 2025-Q1…2025-Q4 (quý), 2025-H1, 2025-H2 (6 tháng), 2025-9M (9 tháng), 2025-Y (năm).")
@click.option("--status", "status", type=click.Path(dir_okay=False, path_type=Path), metavar=STATUS,
              help="Tệp số liệu của kỳ (mặc định: <thư mục kế hoạch>/<tên tệp kế hoạch>/bao-cao/<KỲ>.yaml).")
@OUT_OPTION
@TEMPLATES_OPTION
@NEW_VERSION_OPTION
@PDF_OPTION
@JOBS_OPTION
@NO_CHECK_OPTION
def report(plan: Path, period, status: Path | None, out: Path, templates: Path | None, new_version: bool,
           make_pdf: bool, jobs: int, no_check: bool) -> None:
    """Sinh báo cáo kết quả thực hiện KẾ-HOẠCH trong một KỲ.

    Báo cáo được tạo vào <thư mục kết quả>/<tên tệp kế hoạch>/bao-cao-<kỳ>.docx.
    """
    from cchc_docs.model import sniff
    from cchc_docs.model.load import ReportRequest

    if plan.is_dir():  # one report is of one plan; build takes a folder
        raise sniff.data_file_error(str(plan), sniff.FOLDER)
    options = Options(out, templates or default_templates(), period.span[1], check=not no_check,
                      new_version=new_version, report=ReportRequest(period, status))
    run_build([plan], options, jobs, make_pdf=make_pdf)
