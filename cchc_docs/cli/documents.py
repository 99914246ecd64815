"""The commands on documents already made: check the format, convert to PDF, preview pages.

Nothing heavy is imported at the top: ``cchc-docs check`` loads the format checker and
nothing else (never the renderer, never the PDF machinery; ``tests/cli`` holds it to that).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from cchc_docs.cli.common import COUNT, DOCUMENT, DOCX, EXIT_DATA, FOLDER, JOBS_OPTION, PAGES, SECONDS, Command
from cchc_docs.errors import CchcError

#: Page images: the resolution when none is asked for, and the most one may ask for.
DEFAULT_DPI = 80
MAX_DPI = 600


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


@click.command("pdf", cls=Command)
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
    from cchc_docs.pdf import preview as preview_mod

    try:
        return preview_mod.parse_pages(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


@click.command(cls=Command)
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path), metavar=DOCUMENT)
@click.option("--pages", callback=parse_pages, metavar=PAGES,
              help="Trang cần xem: 2, 1-3 hoặc 4- (mặc định: tất cả).")
@click.option("--dpi", type=click.IntRange(20, MAX_DPI), default=DEFAULT_DPI,
              show_default=True, metavar=COUNT, help="Độ phân giải của ảnh (điểm ảnh mỗi inch).")
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), metavar=FOLDER,
              help="Thư mục chứa ảnh (mặc định: cạnh TỆP).")
def preview(file: Path, pages, dpi: int, out: Path | None) -> None:
    """Vẽ các trang của TỆP (DOCX hoặc PDF) thành ảnh PNG để xem mà không cần Word."""
    from cchc_docs.pdf import preview as preview_mod

    images = preview_mod.render(preview_mod.source_pdf(file), out or file.parent, pages, dpi)
    for image in images:
        click.echo(f"đã tạo {image}")



def make_pdfs(files: tuple[Path, ...]) -> None:
    """Bring the PDF beside each DOCX up to date, in one LibreOffice batch (``check --pdf``).

    What cannot be made is said on stderr: the check goes on, without real page numbers.
    """
    from cchc_docs.errors import ConversionError, ToolMissingError
    from cchc_docs.pdf import convert as pdf_mod

    try:
        pdf_mod.convert([f for f in files if f.is_file()], options=pdf_mod.Options(check=False)).raise_for_failures()
    except (ToolMissingError, ConversionError) as e:
        click.echo(f"cchc-docs: {e}; không ghi được số trang thật", err=True)


def page_texts(file: Path) -> list[str] | None:
    """The text of each page of the document's PDF, for real page numbers: the PDF made of
    exactly this DOCX (``cchc-docs pdf`` or ``check --pdf``; its stamp beside it says so).

    Without a stamp nothing of the PDF machinery is loaded.
    """
    if not file.with_name(f".{file.stem}.pdf.source").is_file() or not file.is_file():
        return None
    from cchc_docs.errors import ToolMissingError
    from cchc_docs.pdf import convert as pdf_mod
    from cchc_docs.pdf import poppler

    target = pdf_mod.pdf_path(file)
    try:
        return poppler.text(target).split("\f") if pdf_mod.is_current(target, file.read_bytes()) else None
    except ToolMissingError as e:
        click.echo(f"cchc-docs: {e}; không ghi được số trang thật", err=True)
    except OSError:  # unreadable: check_file says so in its own words
        pass
    return None


@click.command(cls=Command)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar=f"[{DOCX}]...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả: văn bản cho người đọc hoặc JSON cho máy.")
@click.option("--strict", is_flag=True, help="Coi cả cảnh báo là lỗi (mã thoát 3).")
@click.option("--list-rules", "list_rules", is_flag=True, help="In danh mục các quy tắc kiểm tra rồi thoát.")
@click.option("--pdf", "with_pdf", is_flag=True,
              help="Ghi số trang thật: đọc bản PDF của tệp (tạo bằng LibreOffice nếu chưa có hoặc đã cũ).")
def check(files: tuple[Path, ...], fmt: str, strict: bool, list_rules: bool, with_pdf: bool) -> None:
    """Kiểm tra thể thức các TỆP-DOCX theo Nghị định 30/2020/NĐ-CP.

    Mỗi chỗ sai ghi số trang thật khi có bản PDF của tệp (do cchc-docs pdf tạo, hoặc với --pdf);
    nếu không, ghi đoạn, bảng và hàng, hoặc đề mục đứng trên nó.

    Mã thoát: 0 không có lỗi, 3 có lỗi thể thức (hoặc cảnh báo, với --strict), 1 có tệp không đọc được.
    """
    from cchc_docs.checks import catalogue, check_file
    from cchc_docs.checks import output as check_output

    if list_rules:
        click.echo(json.dumps(catalogue.entries(), ensure_ascii=False, indent=2) if fmt == "json" else catalogue.text())
        return
    if not files:
        raise click.UsageError(f"cần ít nhất một {DOCX} (hoặc --list-rules)")
    if with_pdf:
        make_pdfs(files)
    results = []
    for file in files:
        try:
            findings = check_file(file, page_texts=page_texts(file))
            results.append(check_output.FileResult(str(file), tuple(findings)))
        except CchcError as e:
            results.append(check_output.FileResult(str(file), error=str(e)))
            if fmt == "text":
                click.echo(str(e), err=True)
    report_text = check_output.as_json(results) if fmt == "json" else check_output.text(results)
    if report_text:
        click.echo(report_text)
    raise click.exceptions.Exit(check_output.exit_code(results, strict))
