"""What every command shares: Vietnamese texts, the one error handler, metavars and options.

The group's ``invoke`` is the one place that turns the project's errors into messages and
exit codes: 0 ok, 1 data/template/output error, 2 usage (click's own). Anything that is
not a :class:`CchcError` is a bug in cchc-docs and is reported as one.
"""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

import click

from cchc_docs.cli import clickvi
from cchc_docs.errors import CchcError

EXIT_DATA = 1

clickvi.install()  # before any command is declared: click.Path names itself in __init__

# One spelling for each thing the user names on the command line: usage lines, help
# texts and error messages all use these.
PLAN = "KẾ-HOẠCH"  # a plan file (YAML)
FOLDER = "THƯ-MỤC"  # a folder: of plans, of results, of templates
DOCX = "TỆP-DOCX"  # a .docx document
DOCUMENT = "TỆP"  # a document to preview: .docx or .pdf
PERIOD = "KỲ"  # a reporting period, 2025-Q3
STATUS = "TỆP-SỐ-LIỆU"  # a period's status file (YAML)
WORKBOOK = "TỆP-XLSX"  # a unit's workbook (phiếu báo cáo .xlsx)
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
    """A date option whose default is today."""
    return optional_date(ctx, param, value) or dt.date.today()


def optional_date(ctx, param, value: str | None) -> dt.date | None:
    """A date option that may be left out."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"cần ngày dạng YYYY-MM-DD, nhận được '{value}'") from None


def parse_period(ctx, param, value: str):
    from cchc_docs.model import periods  # with its dates and number formats: only the commands that take a period

    try:
        return periods.parse(value)
    except periods.PeriodError as e:
        raise click.BadParameter(str(e)) from None


NEW_VERSION_OPTION = click.option("--new-version", "new_version", is_flag=True,
              help="Khi văn bản đã ban hành (có số) thay đổi: ghi bản mới bên cạnh (…v2.docx), không ghi đè.")
PDF_OPTION = click.option("--pdf", "make_pdf", is_flag=True,
                          help="Chuyển thêm mỗi văn bản sang PDF (bằng LibreOffice), cạnh tệp DOCX.")
JOBS_OPTION = click.option("-j", "--jobs", type=click.IntRange(1, 16), default=1, show_default=True,
                           metavar=COUNT, help="Số LibreOffice chạy song song khi chuyển PDF.")


OUT_OPTION = click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
                          show_default=True, metavar=FOLDER, help="Thư mục gốc chứa kết quả.")


def configured_templates() -> Path | None:
    """The templates folder that ``cchc-docs.toml`` in the working folder names, if any."""
    from cchc_docs.templating.folder import configured_templates as configured

    return configured(Path.cwd())


def _templates_or_configured(ctx, param, value: Path | None) -> Path | None:
    return value if value is not None else configured_templates()


TEMPLATES_OPTION = click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
                                metavar=FOLDER, callback=_templates_or_configured,
                                help="Thư mục chứa các tệp mẫu DOCX (mặc định: thư mục ghi trong cchc-docs.toml "
                                     "ở thư mục chạy lệnh, nếu có; nếu không, các mẫu của chương trình).")
NO_CHECK_OPTION = click.option("--no-check", "no_check", is_flag=True,
                               help="Không tự kiểm tra thể thức văn bản sinh ra (chỉ dùng khi đang sửa mẫu).")
