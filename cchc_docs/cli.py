"""The command line: thin click commands over the library.

This is the one place that turns the project's errors into messages and exit codes:
0 ok, 1 data/template/output error, 2 usage (click's own). Anything that is not a
:class:`CchcError` is a bug in cchc-docs and is reported as one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from pathlib import Path

import click

from cchc_docs import __version__, clickvi, console
from cchc_docs.errors import CchcError
from cchc_docs.model import periods
from cchc_docs.pdf import preview as preview_mod
from cchc_docs.pipeline import batch
from cchc_docs.pipeline.options import Options, default_templates

# The commands import what they need when they run: a build in which nothing changed
# should not pay for loading the renderer, the validator and the format checker.

EXIT_DATA = 1

clickvi.install()  # before the commands below are declared: click.Path names itself in __init__

# One spelling for each thing the user names on the command line: usage lines, help
# texts and error messages all use these.
PLAN = "KẾ-HOẠCH"  # a plan file (YAML)
FOLDER = "THƯ-MỤC"  # a folder: of plans, of results, of templates
DOCX = "TỆP-DOCX"  # a .docx document
DOCUMENT = "TỆP"  # a document to preview: .docx or .pdf
PERIOD = "KỲ"  # a reporting period, 2025-Q3
STATUS = "TỆP-SỐ-LIỆU"  # a period's status file (YAML)
DATE = "YYYY-MM-DD"
COUNT = "SỐ"
SECONDS = "GIÂY"
PAGES = "TRANG"


CONTEXT = {"help_option_names": ["-h", "--help"]}


class Command(clickvi.Command):
    """A command (in Vietnamese) that answers ``-h`` too, even when run outside the group."""

    def __init__(self, *args, context_settings=None, **kwargs):
        super().__init__(*args, context_settings={**CONTEXT, **(context_settings or {})}, **kwargs)


class Group(clickvi.Group):
    """The command group (in Vietnamese) that reports the project's errors in one place."""

    command_class = Command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CchcError as e:
            click.echo(str(e), err=True)
            ctx.exit(e.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception:  # the one place a bug is turned into a message
            debug = ctx.params.get("debug")
            if debug:
                traceback.print_exc()
            advice = "Hãy gửi nội dung trên" if debug else "Chạy lại với --debug để xem chi tiết rồi gửi"
            click.echo(
                "Lỗi nội bộ của cchc-docs (đây là lỗi của chương trình, không phải của dữ liệu). "
                f"{advice} cho nhóm phát triển.",
                err=True,
            )
            ctx.exit(EXIT_DATA)


def parse_date(ctx, param, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"cần ngày dạng YYYY-MM-DD, nhận được '{value}'") from None


NEW_VERSION_OPTION = click.option("--new-version", "new_version", is_flag=True,
              help="Khi văn bản đã ban hành (có số) thay đổi: ghi bản mới bên cạnh (…v2.docx), không ghi đè.")
PDF_OPTION = click.option("--pdf", "make_pdf", is_flag=True,
                          help="Chuyển thêm mỗi văn bản sang PDF (bằng LibreOffice), cạnh tệp DOCX.")
JOBS_OPTION = click.option("-j", "--jobs", type=click.IntRange(1, 16), default=1, show_default=True,
                           metavar=COUNT, help="Số LibreOffice chạy song song khi chuyển PDF.")


OUT_OPTION = click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
                          show_default=True, metavar=FOLDER, help="Thư mục gốc chứa kết quả.")
TEMPLATES_OPTION = click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
                                metavar=FOLDER,
                                help="Thư mục chứa các tệp mẫu DOCX (mặc định: templates/ của dự án).")
NO_CHECK_OPTION = click.option("--no-check", "no_check", is_flag=True,
                               help="Không tự kiểm tra thể thức văn bản sinh ra (chỉ dùng khi đang sửa mẫu).")


def finding_line(document: Path, finding) -> str:
    """One self-check finding on one line that names its document.

    Warnings go to stderr; kept apart from stdout (``2>log``) each line must say
    on its own which document it is about.
    """
    from cchc_docs.checks import output as check_output

    return f"{document}: " + ": ".join(line.strip() for line in check_output.describe(finding))


def convert_to_pdf(files: list[Path], out: Path | None = None, jobs: int = 1, timeout: float = 60.0,
                   force: bool = False, strict: bool = False) -> None:
    """Convert, print each PDF with its findings, then fail on failures or error findings."""
    from cchc_docs.pdf import convert as pdf_mod

    batch = pdf_mod.convert(files, out, pdf_mod.Options(jobs=jobs, timeout=timeout, force=force))
    for warning in batch.warnings:  # about this machine (fonts, poppler), not one document
        click.echo(f"cchc-docs: {warning}", err=True)
    for result in batch.results:
        if result.status != "failed":
            click.echo("\n".join(pdf_mod.describe(result)))
    batch.raise_for_failures()
    if batch.failing(strict):
        raise click.exceptions.Exit(EXIT_DATA)


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", message="cchc-docs %(version)s", help="In phiên bản và thoát.")
@click.option("--debug", is_flag=True, help="In chi tiết kỹ thuật khi có lỗi nội bộ.")
def main(debug: bool) -> None:
    """Sinh văn bản cải cách hành chính cấp xã đúng thể thức Nghị định 30/2020/NĐ-CP."""


@main.command()
@click.argument("plan", type=click.Path(path_type=Path), metavar=PLAN)
def validate(plan: Path) -> None:
    """Kiểm tra tệp dữ liệu KẾ-HOẠCH (YAML), các lần sửa đổi và các tệp số liệu báo cáo cạnh nó.

    Báo mọi lỗi cùng lúc, không ghi tệp nào.
    """
    from cchc_docs.model.load import load_all

    loaded = load_all(plan)
    versions, statuses = loaded.versions, loaded.statuses
    latest = versions[-1].plan
    parts = [f"{len(latest.tasks)} nhiệm vụ", f"{len(latest.targets)} chỉ tiêu"]
    if len(versions) > 1:
        parts.append(f"{len(versions) - 1} lần sửa đổi, bổ sung")
    if statuses:
        parts.append(f"số liệu báo cáo: {', '.join(sorted(p.code for p in statuses))}")
    click.echo(f"{plan}: hợp lệ ({'; '.join(parts)})")


@main.command()
@click.argument("targets", nargs=-1, required=True, type=click.Path(path_type=Path), metavar=f"{PLAN}|{FOLDER}...")
@OUT_OPTION
@TEMPLATES_OPTION
@click.option("--date", "today", callback=parse_date, metavar=DATE,
              help="Ngày dùng cho bản dự thảo chưa ghi ngày (mặc định: hôm nay).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1, show_default="số lõi CPU",
              metavar=COUNT, help="Số tiến trình làm việc song song (và số LibreOffice khi có --pdf).")
@click.option("--dry-run", is_flag=True, help="Chỉ liệt kê văn bản sẽ được tạo lại và lý do, không ghi gì.")
@click.option("--force", is_flag=True, help="Tạo lại mọi văn bản, kể cả văn bản không đổi.")
@click.option("--prune", is_flag=True, help="Xóa các tệp kết quả không còn được tạo ra.")
@NEW_VERSION_OPTION
@PDF_OPTION
@NO_CHECK_OPTION
def build(targets: tuple[Path, ...], out: Path, templates: Path | None, today: dt.date, jobs: int,
          dry_run: bool, force: bool, prune: bool, new_version: bool, make_pdf: bool, no_check: bool) -> None:
    """Sinh mọi văn bản của các kế hoạch: Quyết định, Quyết định sửa đổi, Kế hoạch hợp nhất, Báo cáo.

    Văn bản của mỗi KẾ-HOẠCH (tệp YAML), hoặc của mọi kế hoạch trong THƯ-MỤC, được tạo vào
    <thư mục kết quả>/<tên tệp kế hoạch>/. Chỉ văn bản có dữ liệu, mẫu hoặc phiên bản chương
    trình thay đổi mới được tạo lại.
    """
    options = Options(out, templates or default_templates(), today, check=not no_check,
                      force=force, dry_run=dry_run, new_version=new_version)
    run_build(list(targets), options, jobs, prune, make_pdf)


def run_build(targets: list[Path], options: Options, jobs: int, prune: bool = False, make_pdf: bool = False) -> None:
    """The one build recipe behind `build` and `report`: results, warnings, summary, PDFs, exit code."""
    out = options.out_root
    plans = batch.discover(targets)
    progress = console.Progress(len(plans), sys.stderr, tty=sys.stderr.isatty(), out=sys.stdout)
    summary = batch.build_targets(plans, options, jobs, prune, lambda plan: report_plan(plan, progress, out))
    progress.finish()
    for path in summary.obsolete:
        verb = "đã xóa" if path in summary.pruned else "không còn được tạo (xóa bằng --prune)"
        click.echo(f"{out / path}: {verb}")
    click.echo(summary.line())
    if make_pdf and not options.dry_run:
        docx = [out / r.path for p in summary.plans for r in p.results if (out / r.path).is_file()]
        convert_to_pdf(docx, jobs=jobs)
    if summary.exit_code:
        raise click.exceptions.Exit(summary.exit_code)


def report_plan(plan, progress: console.Progress, out: Path) -> None:
    """What happened to one plan: every document that changed, every problem."""
    if plan.error:
        progress.message(console.located(plan.plan, plan.error), problem=True)
        progress.advance(f"{plan.plan}: lỗi")
        return
    for result in plan.results:
        if result.status != "unchanged":
            progress.message(result_line(result, out), problem=result.status in ("conflict", "failed"))
        for finding in result.findings:
            progress.message(finding_line(out / (result.written or result.path), finding), problem=True)
    progress.advance(f"{plan.plan}: " + (batch.Summary([plan]).line()), quiet=plan.skipped)


def result_line(result, out: Path) -> str:
    """``đã tạo out/x/quyet-dinh.docx`` or ``sẽ tạo lại …: lý do``."""
    verb = batch.STATUS_VI[result.status]
    path = out / (result.written or result.path)
    why = f" ({'; '.join(result.reasons)})" if result.reasons and result.status != "created" else ""
    if result.status == "conflict":
        return (f"{out / result.path}: văn bản đã ban hành (có số) nhưng dữ liệu đã thay đổi{why}; giữ nguyên, "
                "không ghi đè (dùng --new-version để ghi bản mới bên cạnh)")
    return f"{verb} {path}{why}"


def parse_period(ctx, param, value: str):
    try:
        return periods.parse(value)
    except periods.PeriodError as e:
        raise click.BadParameter(str(e)) from None


@main.command()
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


@main.command("pdf")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
                metavar=f"{DOCX}...")
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), metavar=FOLDER,
              help="Thư mục chứa các tệp PDF (mặc định: cạnh mỗi TỆP-DOCX).")
@JOBS_OPTION
@click.option("--timeout", type=click.FloatRange(min=1), default=60.0, show_default=True, metavar=SECONDS,
              help="Số giây tối đa LibreOffice được dùng cho một văn bản.")
@click.option("--force", is_flag=True, help="Chuyển lại cả những PDF đã mới.")
@click.option("--strict", is_flag=True, help="Coi cả cảnh báo về bố cục PDF là lỗi.")
def pdf(files: tuple[Path, ...], out: Path | None, jobs: int, timeout: float, force: bool, strict: bool) -> None:
    """Chuyển các TỆP-DOCX sang PDF, rồi kiểm tra phông chữ và bố cục trang của PDF."""
    convert_to_pdf(list(files), out, jobs, timeout, force, strict)


def parse_pages(ctx, param, value: str | None):
    try:
        return preview_mod.parse_pages(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path), metavar=DOCUMENT)
@click.option("--pages", callback=parse_pages, metavar=PAGES,
              help="Trang cần xem: 2, 1-3 hoặc 4- (mặc định: tất cả).")
@click.option("--dpi", type=click.IntRange(20, preview_mod.MAX_DPI), default=preview_mod.DEFAULT_DPI,
              show_default=True, metavar=COUNT, help="Độ phân giải của ảnh (điểm ảnh mỗi inch).")
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), metavar=FOLDER,
              help="Thư mục chứa ảnh (mặc định: cạnh TỆP).")
def preview(file: Path, pages, dpi: int, out: Path | None) -> None:
    """Vẽ các trang của TỆP (DOCX hoặc PDF) thành ảnh PNG để xem mà không cần Word."""
    images = preview_mod.render(preview_mod.source_pdf(file), out or file.parent, pages, dpi)
    for image in images:
        click.echo(f"đã tạo {image}")



@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar=f"[{DOCX}]...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả: văn bản cho người đọc hoặc JSON cho máy.")
@click.option("--strict", is_flag=True, help="Coi cả cảnh báo là lỗi (mã thoát 3).")
@click.option("--list-rules", "list_rules", is_flag=True, help="In danh mục các quy tắc kiểm tra rồi thoát.")
def check(files: tuple[Path, ...], fmt: str, strict: bool, list_rules: bool) -> None:
    """Kiểm tra thể thức các TỆP-DOCX theo Nghị định 30/2020/NĐ-CP.

    Mã thoát: 0 không có lỗi, 3 có lỗi thể thức (hoặc cảnh báo, với --strict), 1 có tệp không đọc được.
    """
    from cchc_docs.checks import catalogue, check_file
    from cchc_docs.checks import output as check_output

    if list_rules:
        click.echo(json.dumps(catalogue.entries(), ensure_ascii=False, indent=2) if fmt == "json" else catalogue.text())
        return
    if not files:
        raise click.UsageError(f"cần ít nhất một {DOCX} (hoặc --list-rules)")
    results = []
    for file in files:
        try:
            results.append(check_output.FileResult(str(file), tuple(check_file(file))))
        except CchcError as e:
            results.append(check_output.FileResult(str(file), error=str(e)))
            if fmt == "text":
                click.echo(str(e), err=True)
    report_text = check_output.as_json(results) if fmt == "json" else check_output.text(results)
    if report_text:
        click.echo(report_text)
    raise click.exceptions.Exit(check_output.exit_code(results, strict))


if __name__ == "__main__":
    sys.exit(main())
