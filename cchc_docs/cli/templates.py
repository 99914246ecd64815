"""The ``templates`` commands: copy the shipped templates out to customise them, check edited ones."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_docs.cli.common import CONTEXT, FOLDER, Command, Group, configured_templates


@click.group(cls=Group, context_settings=CONTEXT)
def templates() -> None:
    """Mẫu văn bản DOCX: chép ra để sửa trong Word hoặc LibreOffice, và kiểm tra mẫu đã sửa.

    Hướng dẫn sửa mẫu an toàn: docs/templates.md.
    """


@templates.command(cls=Command)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar=FOLDER)
@click.option("--force", is_flag=True, help="Ghi đè cả những tệp mẫu đã có trong THƯ-MỤC.")
def export(folder: Path, force: bool) -> None:
    """Chép các mẫu DOCX của chương trình vào THƯ-MỤC để sửa.

    Sửa xong, kiểm tra bằng "cchc-docs templates check THƯ-MỤC", rồi dùng bằng
    "cchc-docs build … --templates THƯ-MỤC" hoặc ghi một lần vào tệp cchc-docs.toml
    (templates = "THƯ-MỤC") ở thư mục chạy lệnh.
    """
    from cchc_docs.pipeline.options import default_templates
    from cchc_docs.templating import folder as folder_mod

    for path in folder_mod.export(default_templates(), folder, force):
        click.echo(f"đã chép {path}")


@templates.command(cls=Command)
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path),
                metavar=f"[{FOLDER}]")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả: văn bản cho người đọc hoặc JSON cho máy.")
@click.option("--strict", is_flag=True, help="Coi cả cảnh báo là lỗi (mã thoát 3).")
def check(folder: Path | None, fmt: str, strict: bool) -> None:
    """Kiểm tra các mẫu đã sửa trong THƯ-MỤC trước khi dùng để sinh văn bản.

    So với mẫu gốc của chương trình: chỗ điền dữ liệu bị mất hoặc không có trong dữ liệu,
    thẻ {{ … }}, {% … %} sai cú pháp hoặc bị Word tách rời, kiểu (style) bị xóa hoặc đổi tên,
    số trang; rồi sinh thử từng mẫu với dữ liệu mẫu và kiểm tra thể thức theo Nghị định
    30/2020/NĐ-CP. Mặc định THƯ-MỤC là thư mục ghi trong cchc-docs.toml.

    Mã thoát: 0 không có lỗi, 3 có lỗi (hoặc cảnh báo, với --strict), 1 có tệp không đọc được.
    """
    from cchc_docs.checks import output
    from cchc_docs.pipeline.options import default_templates
    from cchc_docs.templating import check as check_mod

    folder = folder or configured_templates()
    if folder is None:
        raise click.UsageError(f"cần {FOLDER} (hoặc templates = \"…\" trong cchc-docs.toml)")
    results = check_mod.check_folder(folder, default_templates())
    if fmt == "text":
        for result in results:
            if result.error:
                click.echo(result.error, err=True)
    click.echo(output.as_json(results) if fmt == "json" else output.text(results))
    raise click.exceptions.Exit(output.exit_code(results, strict))

