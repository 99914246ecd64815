"""Boxes 7 and 9b (Phụ lục I, Mục II.7, II.9): Nơi nhận with its items, the signer block."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cchc_docs.checks import spec
from cchc_docs.checks.components import Layout
from cchc_docs.checks.lines import is_signer_prefix
from cchc_docs.checks.pieces import Piece
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.rules.common import alignment, documents, mm
from cchc_docs.checks.text import fold, show

_ITEM = "Nơi nhận - mục"


@rule("ND30-RECIPIENTS-MISSING", "C", spec.ART_RECIPIENTS, "Văn bản ban hành có phần Nơi nhận")
def recipients_missing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.standalone and part.recipients_label is None:
            yield Hit('Không tìm thấy phần "Nơi nhận:"', '"Nơi nhận:" và các nơi nhận', "không có",
                      part.signer_titles[0] if part.signer_titles else part.number, "Nơi nhận")


@rule("ND30-RECIPIENTS-LABEL", "C", spec.ART_RECIPIENTS, "Chữ \"Nơi nhận:\" đúng chính tả, có dấu hai chấm",
      wording=True)
def recipients_label(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        label = part.recipients_label
        if label is not None and label.text != spec.RECIPIENTS_LABEL:
            yield Hit('Chữ "Nơi nhận:" viết sai', show(spec.RECIPIENTS_LABEL), show(label.text), label, "Nơi nhận")


def _off_left(piece: Piece) -> str | None:
    """Why a line does not start at the left edge of its column, if it does not."""
    if piece.alignment in ("center", "right"):
        return alignment(piece.alignment)
    if piece.at_left and piece.para.left_indent_mm + max(piece.para.first_line_indent_mm, 0) > 1.0:
        return f"lùi {mm(piece.para.left_indent_mm + max(piece.para.first_line_indent_mm, 0))}"
    return None


@rule("ND30-RECIPIENTS-FLUSH-LEFT", "C", spec.ART_RECIPIENTS, "\"Nơi nhận:\" và các mục sát lề trái")
def recipients_flush_left(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in [x for x in [part.recipients_label] if x is not None] + list(part.recipients):
            why = _off_left(piece)
            if why:
                name = "Nơi nhận" if piece is part.recipients_label else _ITEM
                yield Hit(f"{name} phải sát lề trái", "căn trái, không lùi đầu dòng", why, piece, name)


@rule("ND30-RECIPIENTS-ITEM-DASH", "C", spec.ART_RECIPIENTS, "Mỗi nơi nhận một dòng, bắt đầu bằng gạch nối \"-\"")
def recipients_item_dash(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in part.recipients:
            if not piece.text.startswith("-"):
                yield Hit('Dòng nơi nhận phải bắt đầu bằng gạch nối "-"', '"- …"', show(piece.text[:3]), piece, _ITEM)


@rule("ND30-RECIPIENTS-ITEM-END", "C", spec.ART_RECIPIENTS, "Mỗi nơi nhận (trừ dòng cuối) kết thúc bằng \";\"")
def recipients_item_end(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in part.recipients[:-1]:
            if not piece.text.endswith(";") and not fold(piece.text).lstrip("- ").startswith("luu"):
                yield Hit('Dòng nơi nhận phải kết thúc bằng ";"', '";"', show(piece.text[-1:]), piece, _ITEM)


@rule("ND30-RECIPIENTS-LAST-ITEM", "C", spec.ART_RECIPIENTS,
      "Dòng cuối của Nơi nhận là \"- Lưu: VT, <đơn vị soạn thảo>.\"", wording=True)
def recipients_last_item(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.recipients_label is None:
            continue
        items = part.recipients
        archive = [x for x in items if fold(x.text).lstrip("-–— ").startswith("luu")]
        if not archive:
            yield Hit('Thiếu dòng "- Lưu: VT, …." cuối Nơi nhận', '"- Lưu: VT, <đơn vị>."', "không có",
                      items[-1] if items else part.recipients_label, _ITEM)
        elif archive[-1] is not items[-1]:
            yield Hit('Dòng "Lưu" phải là dòng cuối của Nơi nhận', "dòng Lưu ở cuối", show(items[-1].text),
                      items[-1], _ITEM)
        elif not spec.ARCHIVE_ITEM.match(archive[-1].text):
            yield Hit('Dòng "Lưu" viết sai', '"- Lưu: VT, <đơn vị soạn thảo>."', show(archive[-1].text),
                      archive[-1], _ITEM)


_AS_ABOVE = re.compile(r"^- Như trên( \([^()]+\))?;$")  # "- Như trên (Báo cáo);" says why it is sent


@rule("ND30-RECIPIENTS-AS-ABOVE", "C", spec.ART_AS_ABOVE,
      "Văn bản có \"Kính gửi\": Nơi nhận mở đầu bằng \"- Như trên;\"", wording=True)
def recipients_as_above(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.addressee is not None and part.recipients and not _AS_ABOVE.match(part.recipients[0].text):
            yield Hit('Nơi nhận của văn bản có "Kính gửi" phải mở đầu bằng "- Như trên;"', '"- Như trên;"',
                      show(part.recipients[0].text), part.recipients[0], _ITEM)


@rule("ND30-RECIPIENTS-AS-ARTICLE", "M", spec.ART_RECIPIENTS_MODEL,
      "Nơi nhận của quyết định mở đầu bằng \"- Như Điều <n>;\"", wording=True)
def recipients_as_article(layout: Layout) -> Iterator[Hit]:
    for part in documents(layout, "decision"):
        if part.recipients and not re.match(r"^- Như Điều \d+;$", part.recipients[0].text):
            yield Hit('Nơi nhận của quyết định thường mở đầu bằng "- Như Điều <n>;"', '"- Như Điều 3;"',
                      show(part.recipients[0].text), part.recipients[0], _ITEM)


# --- signer --------------------------------------------------------------------------------------


@rule("ND30-SIGNER-MISSING", "C", spec.ART_SIGNER, "Văn bản ban hành có quyền hạn, chức vụ và họ tên người ký")
def signer_missing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if not part.standalone:
            continue
        if not part.signer_titles and part.signer_name is None:
            yield Hit("Không tìm thấy khối chữ ký", "quyền hạn, chức vụ và họ tên người ký", "không có",
                      part.recipients_label or part.number, "Người ký")
        elif part.signer_name is None:
            yield Hit("Thiếu họ tên người ký", "họ tên dưới chức vụ", "không có", part.signer_titles[-1],
                      "Họ tên người ký")


_WELL_FORMED = re.compile(r"^(TM|KT|Q|TL|TUQ)\. \S")


@rule("ND30-SIGNER-PREFIX", "C", spec.ART_SIGNER,
      "Quyền hạn ký viết TM., KT., Q., TL., TUQ. (in hoa, dấu chấm, một dấu cách)")
def signer_prefix(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for piece in part.signer_titles:
            if is_signer_prefix(piece) and not _WELL_FORMED.match(piece.text):
                yield Hit("Chữ viết tắt quyền hạn ký viết sai", "TM. / KT. / Q. / TL. / TUQ.",
                          show(piece.text.split()[0]), piece, "Quyền hạn, chức vụ người ký")


@rule("ND30-SIGNER-NAME-HONORIFIC", "C", spec.ART_SIGNER, "Không ghi học hàm, học vị trước họ tên người ký")
def signer_name_honorific(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        name = part.signer_name
        if name is not None and spec.HONORIFICS.match(name.text):
            yield Hit("Có học hàm, học vị trước họ tên người ký", "chỉ họ và tên", show(name.text),
                      name, "Họ tên người ký")
