"""Appendices (Phụ lục I, Mục III.1; Phụ lục III, Mẫu 2.1): the "Phụ lục" line, its numbering and title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cchc_docs.checks import spec
from cchc_docs.checks.components import Layout
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.rules.common import documents
from cchc_docs.checks.text import roman, show

_LABEL = re.compile(r"^Phụ lục( (?P<number>[IVXLC]+))?$")


@rule("ND30-APPENDIX-LABEL", "C", spec.ART_APPENDIX, "Dòng phụ lục viết \"Phụ lục\" hoặc \"Phụ lục <số La Mã>\"",
      wording=True)
def appendix_label(layout: Layout) -> Iterator[Hit]:
    for part in documents(layout, "appendix"):
        label = part.appendix_label
        if not _LABEL.match(label.text):
            yield Hit("Dòng Phụ lục viết sai", '"Phụ lục" hoặc "Phụ lục I", "Phụ lục II" …', show(label.text),
                      label, "Phụ lục")


@rule("ND30-APPENDIX-NUMBERING", "C", spec.ART_APPENDIX, "Từ hai phụ lục trở lên đánh số La Mã I, II … liên tục",
      wording=True)
def appendix_numbering(layout: Layout) -> Iterator[Hit]:
    labels = [part.appendix_label for part in documents(layout, "appendix")]
    if len(labels) < 2:
        return
    for position, label in enumerate(labels, start=1):
        expected = f"Phụ lục {roman(position)}"
        if label.text != expected and _LABEL.match(label.text):
            yield Hit("Các phụ lục phải đánh số La Mã liên tục", expected, show(label.text), label, "Phụ lục")


@rule("ND30-APPENDIX-TITLE-MISSING", "C", spec.ART_APPENDIX, "Phụ lục có tên phụ lục (chữ in hoa, đậm)")
def appendix_title_missing(layout: Layout) -> Iterator[Hit]:
    for part in documents(layout, "appendix"):
        if not part.appendix_title:
            yield Hit("Thiếu tên phụ lục dưới dòng Phụ lục", "tên phụ lục, chữ in hoa, đậm", "không có",
                      part.appendix_label, "Tên phụ lục")
