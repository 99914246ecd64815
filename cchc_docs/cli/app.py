"""The ``cchc-docs`` command group: a thin layer of click commands over the library."""

from __future__ import annotations

import click

from cchc_docs import __version__
from cchc_docs.cli import build, documents, register, sheets, templates, web
from cchc_docs.cli.common import CONTEXT, Group


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", message="cchc-docs %(version)s", help="In phiên bản và thoát.")
@click.option("--debug", is_flag=True, help="In chi tiết kỹ thuật khi có lỗi nội bộ.")
def main(debug: bool) -> None:
    """Sinh văn bản cải cách hành chính cấp xã đúng thể thức Nghị định 30/2020/NĐ-CP."""


for command in (build.validate, build.build, build.report, documents.check, documents.pdf, documents.preview,
                sheets.sheets, sheets.collect, sheets.remind, register.issue, register.register,
                templates.templates, web.serve):
    main.add_command(command)

