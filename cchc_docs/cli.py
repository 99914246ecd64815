"""The command line: thin click commands over the library.

This is the one place that turns the project's errors into messages and exit codes:
0 ok, 1 data/template/output error, 2 usage (click's own). Anything that is not a
:class:`CchcError` is a bug in cchc-docs and is reported as one.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

import click

from . import __version__, build as build_mod, source, validate as validate_mod
from .errors import CchcError

EXIT_DATA = 1



class Group(click.Group):
    """A click group that reports the project's errors in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CchcError as e:
            click.echo(str(e), err=True)
            ctx.exit(EXIT_DATA)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception:  # noqa: BLE001 - the one place a bug is turned into a message
            if ctx.params.get("debug"):
                traceback.print_exc()
            click.echo(
                "Lỗi nội bộ của cchc-docs (đây là lỗi của chương trình, không phải của dữ liệu). "
                "Chạy lại với --debug để xem chi tiết và báo cho nhóm phát triển.",
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


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", message="cchc-docs %(version)s", help="In phiên bản và thoát.")
@click.option("--debug", is_flag=True, help="In chi tiết kỹ thuật khi có lỗi nội bộ.")
def main(debug: bool) -> None:
    """Sinh văn bản cải cách hành chính cấp xã đúng thể thức Nghị định 30/2020/NĐ-CP."""


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
def validate(plan: Path) -> None:
    """Kiểm tra tệp dữ liệu kế hoạch PLAN (YAML), báo mọi lỗi cùng lúc."""
    plan_file = validate_mod.validate(source.load(plan))
    click.echo(f"{plan}: hợp lệ ({len(plan_file.plan.tasks)} nhiệm vụ, {len(plan_file.plan.targets)} chỉ tiêu)")


@main.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Thư mục gốc chứa kết quả.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Thư mục chứa các tệp mẫu DOCX (mặc định: templates/ của dự án).")
@click.option("--date", "today", callback=parse_date, metavar="YYYY-MM-DD",
              help="Ngày dùng cho bản dự thảo chưa ghi ngày (mặc định: hôm nay).")
def build(plan: Path, out: Path, templates: Path | None, today: dt.date) -> None:
    """Sinh Quyết định, Kế hoạch và Phụ lục từ tệp dữ liệu PLAN vào thư mục OUT/<tên tệp>/."""
    outputs = build_mod.build(plan, out, templates or build_mod.default_templates(), today)
    for output in outputs:
        click.echo(f"đã tạo {output.path}")


if __name__ == "__main__":
    sys.exit(main())
