"""The outgoing-document register: `issue` (the clerk's one command) and `register init|list|add|void`.

Also :func:`check_registers`, which `validate` and `build` call to check the numbers in
the data against the register beside the plans (only where there is one).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cchc_docs.cli import clickvi
from cchc_docs.cli.common import CONTEXT, COUNT, DATE, OUT_OPTION, PLAN, TEMPLATES_OPTION, Command, optional_date
from cchc_docs.errors import DataError
from cchc_docs.register import schema
from cchc_docs.register import series as series_mod

REGISTER = "SỔ"  # the register file, or the folder that holds it
REFERENCE = "SỐ/KÝ-HIỆU"
DOCUMENT_NAME = "VĂN-BẢN"
YEAR = "NĂM"
TEXT = "NỘI-DUNG"
DEFAULT_FOLDER = Path("data")


def check_registers(plans: list[Path]) -> None:
    """Check the numbers of ``plans`` against their registers: print warnings, raise errors (DataError)."""
    if not any((plan.parent / schema.FILE_NAME).is_file() for plan in plans):
        return  # no register, nothing to load: a no-op build stays cheap
    from cchc_docs.register import audit

    problems = audit.audit(plans)
    for problem in problems:
        if problem.severity != audit.ERROR:
            click.echo(str(problem), err=True)
    errors = [p.problem for p in problems if p.severity == audit.ERROR]
    if errors:
        raise DataError(errors)


def register_file(value: Path | None, plan: Path | None = None) -> Path:
    """The register named by ``--register`` (a file, or a folder holding one), else beside the plan, else data/."""
    if value is None:
        return schema.default_path(plan) if plan is not None else DEFAULT_FOLDER / schema.FILE_NAME
    folder = value.is_dir() or (not value.exists() and not value.suffix)  # data/ or data: the register inside
    return value / schema.FILE_NAME if folder else value


def register_option(default_text: str):
    return click.option("--register", "register_path", type=click.Path(path_type=Path), metavar=REGISTER,
                        help=f"Tệp sổ đăng ký văn bản đi, hoặc thư mục chứa nó (mặc định: {default_text}).")


COPIES_OPTION = click.option("--copies", type=click.IntRange(1, 100000), metavar=COUNT,
                             help="Số lượng bản phát hành (cột \"Số lượng bản\" của sổ).")
DOC_OPTION = click.option("--doc", "document", metavar=DOCUMENT_NAME,
                          help="Văn bản của kế hoạch, như tên tệp kết quả: quyet-dinh, quyet-dinh-sua-doi-<mã>, "
                               "bao-cao-<kỳ> (ví dụ bao-cao-2025-q3).")


@click.command(cls=Command)
@click.argument("plan", type=click.Path(path_type=Path), metavar=PLAN)
@click.option("--doc", "document", required=True, metavar=DOCUMENT_NAME,
              help="Văn bản cần cấp số, như tên tệp kết quả: quyet-dinh, quyet-dinh-sua-doi-<mã>, bao-cao-<kỳ>.")
@click.option("--date", "date", callback=optional_date, metavar=DATE,
              help="Ngày ký (mặc định: ngày ghi trong dữ liệu nếu đã đủ ngày, không thì hôm nay).")
@COPIES_OPTION
@OUT_OPTION
@TEMPLATES_OPTION
@register_option("so-van-ban-di.sqlite cạnh tệp kế hoạch")
def issue(plan: Path, document: str, date: dt.date | None, copies: int | None, out: Path, templates: Path | None,
          register_path: Path | None) -> None:
    """Cấp số cho một văn bản của KẾ-HOẠCH và ban hành: số tiếp theo trong sổ đăng ký văn bản đi.

    Ghi số và ngày vào tệp dữ liệu (giữ nguyên chú thích, thứ tự), tạo và tự kiểm tra văn bản
    đã ban hành vào <thư mục kết quả>/<tên tệp kế hoạch>/, rồi vào sổ. Lỗi ở bước nào thì số không
    bị dùng mất (hoặc được ghi hủy kèm lý do): sổ không bao giờ trùng số hay thiếu số.
    Văn bản đã có số thì không làm gì.
    """
    from cchc_docs.cli.documents import finding_line
    from cchc_docs.pipeline.options import default_templates
    from cchc_docs.register import issue as issue_mod

    request = issue_mod.Request(plan, document, out, templates or default_templates(), dt.date.today(), date, copies,
                                register_file(register_path, plan))
    outcome = issue_mod.issue(request)
    for message in [*outcome.undone, *outcome.warnings]:
        click.echo(str(message), err=True)
    row = outcome.row
    if outcome.output is None:
        click.echo(f"{plan} › {document}: đã có số {row.describe()} trong dữ liệu và trong sổ; không làm gì")
        return
    click.echo(f"đã cấp số {row.describe()} cho {plan} › {document}; đã ghi vào dữ liệu và vào sổ "
               f"{request.register}")
    click.echo(f"đã tạo {outcome.output}")
    for finding in outcome.findings:
        click.echo(finding_line(outcome.output, finding), err=True)
    click.echo(f"Văn bản khác dẫn số này (Kế hoạch hợp nhất, báo cáo) được tạo lại bằng: cchc-docs build {plan}")


# A plain Vietnamese group: the errors of its commands go up to the main group's one handler (and --debug).
@click.group("register", cls=clickvi.Group, context_settings=CONTEXT)
def register() -> None:
    """Sổ đăng ký văn bản đi: chọn cách đánh số, xem, in sổ, vào sổ văn bản ngoài chương trình, hủy số."""


@register.command(cls=Command)
@click.option("--series", "mode", type=click.Choice(series_mod.MODES), default=series_mod.DEFAULT_MODE,
              show_default=True, help="Cách đánh số: theo-loai — mỗi loại văn bản (QĐ, KH, BC…) một dãy số; "
                                      "chung — mọi văn bản hành chính chung một dãy số. Mỗi năm đánh lại từ 01.")
@register_option("data/so-van-ban-di.sqlite")
def init(mode: str, register_path: Path | None) -> None:
    """Tạo sổ đăng ký văn bản đi (nếu chưa có) và chọn cách đánh số (chỉ khi sổ còn trống)."""
    from cchc_docs.register import manage

    path = register_file(register_path)
    mode = manage.init(path, mode)
    click.echo(f"{path}: sổ đăng ký văn bản đi, đánh số {series_mod.MODE_VI[mode]}")


@register.command("list", cls=Command)
@click.option("--year", type=click.IntRange(1900, 9999), metavar=YEAR, help="Chỉ các văn bản của năm này.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "xlsx"]), default="text",
              show_default=True, help="Dạng kết quả: văn bản, JSON, CSV, hoặc sổ để in (Excel, theo Phụ lục IV).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="TỆP",
              help="Ghi vào tệp (mặc định: in ra màn hình; với xlsx: so-van-ban-di[-NĂM].xlsx cạnh sổ).")
@register_option("data/so-van-ban-di.sqlite")
def list_(year: int | None, fmt: str, output: Path | None, register_path: Path | None) -> None:
    """In sổ đăng ký văn bản đi: mỗi số một dòng, theo năm, dãy số và số thứ tự."""
    from cchc_docs.register import export
    from cchc_docs.register.store import open_register
    from cchc_docs.write import write_atomic

    path = register_file(register_path)
    with open_register(path, migrate=False) as opened:  # reading changes nothing, not even the version
        rows, body = opened.rows(year), opened.body
    for warning in export.gaps(rows):
        click.echo(f"{path}: {warning}", err=True)
    if fmt == "xlsx":
        from cchc_docs.register import xlsx

        target = output or path.with_name(f"{path.stem}{f'-{year}' if year else ''}.xlsx")
        write_atomic(target, xlsx.workbook(rows, body))
        click.echo(f"đã tạo {target}")
        return
    text = {"text": export.as_text, "json": export.as_json, "csv": export.as_csv}[fmt](rows)
    if output is None:
        click.echo(text.rstrip("\r\n"))
        return
    # A CSV file gets a BOM so that Excel reads it as UTF-8 (Vietnamese letters intact).
    write_atomic(output, (text if fmt != "csv" else "\ufeff" + text).encode("utf-8"))
    click.echo(f"đã tạo {output}")


@register.command(cls=Command)
@click.option("--plan", type=click.Path(dir_okay=False, path_type=Path), metavar=PLAN,
              help="Kế hoạch có văn bản đã ghi số bằng tay trong dữ liệu (cùng --doc): vào sổ số đó.")
@DOC_OPTION
@click.option("--symbol", metavar="KÝ-HIỆU", help="Ký hiệu của văn bản ngoài chương trình: KH-UBND, TTr-UBND, UBND-VP…")
@click.option("--number", type=click.IntRange(1), metavar=COUNT, help="Số đã cấp (mặc định: số tiếp theo trong sổ).")
@click.option("--date", "date", callback=optional_date, metavar=DATE, help="Ngày ký của văn bản.")
@click.option("--summary", metavar=TEXT, help="Trích yếu nội dung văn bản.")
@click.option("--signer", default="", metavar=TEXT, help="Người ký.")
@click.option("--recipients", default="", metavar=TEXT, help="Nơi nhận văn bản.")
@click.option("--archive", default="", metavar=TEXT, help="Đơn vị, người nhận bản lưu (ví dụ: VT, VHXH).")
@click.option("--note", default="", metavar=TEXT, help="Ghi chú.")
@COPIES_OPTION
@register_option("cạnh tệp kế hoạch, hoặc data/so-van-ban-di.sqlite")
def add(plan: Path | None, document: str | None, symbol: str | None, number: int | None, date: dt.date | None,
        summary: str | None, signer: str, recipients: str, archive: str, note: str, copies: int | None,
        register_path: Path | None) -> None:
    """Vào sổ một văn bản đã có số: văn bản ban hành ngoài chương trình, hoặc số đã ghi tay trong dữ liệu.

    Văn bản ngoài chương trình: --symbol, --date, --summary (và --number nếu đã có số; không
    có thì lấy số tiếp theo). Số đã ghi trong dữ liệu: --plan và --doc.
    """
    from cchc_docs.register import manage

    if plan is not None or document is not None:
        if plan is None or document is None:
            raise click.UsageError("--plan và --doc đi cùng nhau")
        row = manage.add_from_data(plan, document, dt.date.today(), copies, register_file(register_path, plan))
    else:
        if symbol is None or date is None or summary is None:
            raise click.UsageError("văn bản ngoài chương trình cần --symbol, --date và --summary "
                                   "(hoặc --plan và --doc cho số đã ghi trong dữ liệu)")
        row = manage.external_row(symbol, date, summary, number, signer=signer, recipients=recipients,
                                      archive=archive, copies=copies, note=note)
        row = manage.add_external(register_file(register_path), row)
    click.echo(f"đã vào sổ {row.describe()}: {row.type_name} {row.summary}")


def parse_reference(ctx, param, value: str):
    from cchc_docs.register.errors import RegisterError

    try:
        return series_mod.parse_reference(value)
    except RegisterError as e:
        raise click.BadParameter(str(e)) from None


@register.command(cls=Command)
@click.argument("reference", callback=parse_reference, metavar=REFERENCE)
@click.option("--reason", required=True, metavar=TEXT, help="Lý do hủy số (ghi vào cột Ghi chú của sổ).")
@click.option("--year", type=click.IntRange(1900, 9999), metavar=YEAR,
              help="Năm của số (cần khi cùng số/ký hiệu có ở nhiều năm).")
@register_option("data/so-van-ban-di.sqlite")
def void(reference, reason: str, year: int | None, register_path: Path | None) -> None:
    """Hủy một số đã cấp (ví dụ 05/QĐ-UBND): số vẫn ở trong sổ, ghi lý do, không bao giờ cấp lại."""
    from cchc_docs.register import manage

    path = register_file(register_path)
    row, changed = manage.void(path, reference, year, reason)
    click.echo(f"đã hủy số {row.describe()}: {row.reason}")
    if changed is not None:
        click.echo(f"đã xóa số {row.reference} khỏi dữ liệu {changed}; cấp số mới bằng cchc-docs issue")
