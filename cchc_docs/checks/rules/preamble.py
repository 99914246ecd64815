"""Box 5 and what opens the content (Phụ lục I, Mục II.5, II.6, II.9; Mẫu 1.2, 1.3): trích yếu and its rule, the
authority line, căn cứ, ``QUYẾT ĐỊNH:``, ``Điều N.``, Kính gửi."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cchc_docs.checks import spec
from cchc_docs.checks.components import Layout
from cchc_docs.checks.pieces import whole
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.rules.common import documents
from cchc_docs.checks.rules.header import share_hit
from cchc_docs.checks.text import fold, show


@rule("ND30-SUMMARY-MISSING", "C", spec.ART_TITLE, "Dưới tên loại có trích yếu nội dung")
def summary_missing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.doc_type is not None and not part.summary:
            yield Hit("Thiếu trích yếu nội dung dưới tên loại", "một dòng trích yếu, chữ thường, đậm", "không có",
                      part.doc_type, "Trích yếu")


def _summary_drawn(layout: Layout, last_index: int) -> bool:
    """A shape near the trích yếu, or a trích yếu in a table with borders (the rule may be a
    cell's border, which the facts do not place): the rule may be there, unmeasured."""
    paragraphs = layout.facts.paragraphs
    para = paragraphs[last_index]
    if para.in_table and layout.facts.tables[para.table_index].borders_visible:
        return True
    return any(p.has_drawing for p in paragraphs[last_index : last_index + 3])


@rule("ND30-SUMMARY-RULE", "C", spec.ART_TITLE, "Dưới trích yếu có đường kẻ ngang nét liền")
def summary_rule(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if not part.summary or part.attached_to is not None:
            continue
        line, last = part.summary_rule, part.summary[-1]
        if line is None and not _summary_drawn(layout, last.index):
            yield Hit("Thiếu đường kẻ dưới trích yếu", "đường kẻ nét liền, dài 1/3–1/2 dòng chữ", "không có",
                      last, "Trích yếu")
        elif line is not None and not line.solid:
            yield Hit("Đường kẻ dưới trích yếu không phải nét liền", "nét liền", line.style, last, "Trích yếu")


@rule("ND30-SUMMARY-RULE-LENGTH", "C", spec.ART_TITLE, "Đường kẻ dưới trích yếu dài 1/3–1/2 dòng chữ")
def summary_rule_length(layout: Layout) -> Iterator[Hit]:
    sections = layout.facts.sections
    for part in layout.parts:
        if not part.summary or part.attached_to is not None:
            continue
        para = part.summary[-1].para
        width = sections[min(para.section_index or 0, len(sections) - 1)].text_width_mm
        hit = share_hit(part.summary_rule, part.summary, width - para.left_indent_mm - para.right_indent_mm,
                        "trích yếu")
        if hit:
            yield hit


@rule("ND30-SUMMARY-NO-PERIOD", "M", spec.ART_TITLE_MODEL, "Trích yếu không có dấu chấm cuối")
def summary_no_period(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.summary and part.summary[-1].text.endswith(".") and not part.summary[-1].text.endswith("..."):
            yield Hit("Trích yếu có dấu chấm cuối", "không có dấu chấm", "có dấu chấm", part.summary[-1], "Trích yếu")


@rule("ND30-ATTACHED-RULE", "M", spec.ART_ATTACHED, "Dưới dòng \"(Kèm theo …)\" có đường kẻ ngắn")
def attached_rule(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.attached_to
        if (piece is not None and part.attached_rule is None and part.summary_rule is None
                and not _summary_drawn(layout, part.attached_lines[-1].index)):
            yield Hit("Thiếu đường kẻ dưới dòng Kèm theo", "đường kẻ ngắn nét liền", "không có", piece, "Dòng Kèm theo")


@rule("ND30-AUTHORITY-MISSING", "M", spec.ART_AUTHORITY,
      "Quyết định có dòng thẩm quyền ban hành trước các căn cứ (in hoa, đậm, căn giữa)")
def authority_missing(layout: Layout) -> Iterator[Hit]:
    for part in documents(layout, "decision"):
        if part.authority is None and (part.bases or part.decides is not None):
            yield Hit("Thiếu dòng thẩm quyền ban hành trước căn cứ", "ví dụ ỦY BAN NHÂN DÂN XÃ …", "không có",
                      part.bases[0] if part.bases else part.decides, "Thẩm quyền ban hành")


# --- decisions ----------------------------------------------------------------------------------

_HEAD_TITLES = ("chu tich", "pho chu tich", "giam doc", "truong ", "bo truong", "chanh ", "thu truong", "cuc truong",
                "vu truong", "hieu truong", "tong giam doc")


@rule("ND30-SIGNER-MATCHES-AUTHORITY", "P", spec.ART_SIGNER_MATCHES,
      "Khối chữ ký khớp dòng thẩm quyền: tập thể → \"TM.\"; người đứng đầu → không \"TM.\"")
def signer_matches_authority(layout: Layout) -> Iterator[Hit]:
    for part in documents(layout, "decision"):
        if part.authority is None or not part.signer_titles:
            continue
        personal = fold(part.authority.text).startswith(_HEAD_TITLES)
        on_behalf = part.signer_titles[0].text.startswith("TM.")
        if personal and on_behalf:
            yield Hit("Thẩm quyền của người đứng đầu nhưng ký thay mặt tập thể", "ký với chức vụ, không có TM.",
                      part.signer_titles[0].text, part.signer_titles[0], "Quyền hạn, chức vụ người ký")
        elif not personal and not on_behalf:
            yield Hit("Thẩm quyền của tập thể nhưng khối chữ ký không có TM.", "TM. <tên tập thể>",
                      part.signer_titles[0].text, part.signer_titles[0], "Quyền hạn, chức vụ người ký")


@rule("ND30-BASIS-PUNCTUATION", "C", spec.ART_BASES, "Mỗi căn cứ kết thúc bằng \";\", căn cứ cuối bằng \".\"")
def basis_punctuation(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        for position, piece in enumerate(part.bases):
            last = position == len(part.bases) - 1
            expected = "." if last else ";"
            if not piece.text.endswith(expected) or piece.text.endswith("./."):
                ending = piece.text[-1] if piece.text else ""
                yield Hit(f"Căn cứ {'cuối ' if last else ''}phải kết thúc bằng \"{expected}\"", f'"{expected}"',
                          f'"{ending}"', piece, "Căn cứ")


@rule("ND30-DECIDES-TEXT", "M", spec.ART_AUTHORITY, "Dòng \"QUYẾT ĐỊNH:\" in hoa, có dấu hai chấm", wording=True)
def decides_text(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.decides
        if piece is not None and piece.text not in ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"):
            yield Hit('Dòng "QUYẾT ĐỊNH:" viết sai', '"QUYẾT ĐỊNH:"', show(piece.text), piece, 'Dòng "QUYẾT ĐỊNH:"')


def _articles(layout: Layout):
    """The "Điều N." lines of each part (an article quoted in an amending text is not one of them)."""
    for part in layout.parts:
        yield part, [mark for mark in part.numbered if mark.level == "article" and not mark.quoted]


@rule("ND30-ARTICLE-FORMAT", "C", spec.ART_ARTICLE,
      "Điều viết \"Điều <số>.\" (số Ả Rập, dấu chấm; không dùng \"Điều 1:\")", wording=True)
def article_format(layout: Layout) -> Iterator[Hit]:
    for _, marks in _articles(layout):
        for mark in marks:
            text = whole(mark.para).text  # a no-break space is a space
            if not spec.ARTICLE_LABEL.match(text):
                got = re.match(r"\S+\s*\S*", text).group(0)
                yield Hit("Nhãn Điều viết sai", f"Điều {mark.value or 1}.", show(got), mark.para, "Điều")


_ARTICLE_LABEL = re.compile(r"\s*\S+\s*[0-9IVX]+[.:]?")  # "Điều 1." up to its dot, whatever space follows


@rule("ND30-ARTICLE-BOLD", "C", spec.ART_ARTICLE, "\"Điều <số>.\" in đậm")
def article_bold(layout: Layout) -> Iterator[Hit]:
    for _, marks in _articles(layout):
        for mark in marks:
            label = _ARTICLE_LABEL.match(mark.para.text)
            if label is not None and not _bold_over(mark.para.runs, label.end()):
                yield Hit("Nhãn Điều phải in đậm", "in đậm", "không in đậm", mark.para, "Điều")


def _bold_over(runs, end: int) -> bool:
    """Every visible character of the first ``end`` characters is bold."""
    start = 0
    for run in runs:
        if start >= end:
            break
        if run.text[: end - start].strip() and not run.bold:
            return False
        start += len(run.text)
    return True


@rule("ND30-ARTICLE-NUMBERING", "C", spec.ART_ARTICLE, "Điều đánh số liên tục 1, 2, 3 … không trùng, không bỏ số")
def article_numbering(layout: Layout) -> Iterator[Hit]:
    for _, marks in _articles(layout):
        expected = 1
        for mark in marks:
            if mark.value is None:
                continue
            if mark.value != expected:
                kind = "trùng số" if mark.value < expected else "bỏ số"
                yield Hit(f"Số Điều không liên tục ({kind})", f"Điều {expected}", f"Điều {mark.label}",
                          mark.para, "Điều")
            expected = next_expected(expected, mark.value)


def next_expected(expected: int, got: int) -> int:
    """After a wrong number, go on from the intended one (a duplicate) or from the one
    found (a gap), so one mistake gives one finding, not a cascade."""
    return expected + 1 if got < expected else got + 1


@rule("ND30-ADDRESSEE-FORMAT", "C", spec.ART_ADDRESSEE,
      "\"Kính gửi:\" có dấu hai chấm; nhiều nơi: mỗi nơi một dòng \"- …;\", nơi cuối kết thúc \".\"", wording=True)
def addressee_format(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        label = part.addressee
        if label is None:
            continue
        if not label.text.startswith("Kính gửi:"):
            yield Hit('Chữ "Kính gửi:" viết sai', '"Kính gửi:"', show(label.text[:12]), label, "Kính gửi")
        items = part.addressee_items if len(part.addressee_items) > 1 else ()  # one recipient: on the same line
        for position, item in enumerate(items):
            ending = "." if position == len(items) - 1 else ";"
            if not item.text.startswith("- ") or not item.text.endswith(ending):
                yield Hit("Dòng nơi nhận trong Kính gửi viết sai", f'"- …{ending}"', show(item.text), item, "Kính gửi")
