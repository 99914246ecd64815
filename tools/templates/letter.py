"""The công văn template (ND30 Phụ lục III, mẫu công văn): the đôn đốc letter of ``cchc-docs remind``.

A công văn has no tên loại line: its trích yếu follows "V/v" under the số and ký hiệu
(ô 5b: chữ in thường, cỡ 12–13, đứng, căn giữa dưới số, ký hiệu); then Kính gửi, the
numbered body, Nơi nhận and the signature, as in the report.
"""

from __future__ import annotations

from .kit import add_letter_styles, assemble, header_block, para, signature_block
from .report import addressees_block, report_paragraphs


def letter_part(doc) -> None:
    """Boxes 1–4 with the V/v line under Số, Kính gửi, the body, then Nơi nhận and the signer."""
    header_block(doc, with_number=True)
    number_cell = doc.tables[-1].rows[1].cells[0]
    para(number_cell, "TrichYeuCongVan", "{{ letter.subject }}")
    addressees_block(doc, "letter")
    report_paragraphs(doc, "letter.body")
    signature_block(doc, "letter")


def build_letter_template() -> bytes:
    """templates/cong-van.docx: one portrait section."""
    return assemble(letter_part, styles=add_letter_styles)
