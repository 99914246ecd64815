"""Document properties (Word's File › Info): from the data, the same on every build, none in the templates."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from helpers import MINIMAL_PLAN, SAMPLE, TEMPLATES, TODAY, context_of, edited, open_docx, plan_with
from lxml import etree

from cchc_docs.contexts import amendment as amendment_context
from cchc_docs.contexts import consolidated
from cchc_docs.model import source, validate
from cchc_docs.pipeline import build
from cchc_docs.render import engine

BODY = "Ủy ban nhân dân xã Thượng Hồng"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def midnight(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, tzinfo=dt.UTC)


def part(data: bytes | Path, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as z:
        return z.read(name)


def company(data: bytes | Path) -> str | None:
    return etree.fromstring(part(data, "docProps/app.xml")).findtext(f"{EP}Company")


def assert_properties(data: bytes | Path, title: str, day: dt.datetime) -> None:
    props = open_docx(data).core_properties
    assert (props.title, props.author, props.last_modified_by) == (title, BODY, BODY)
    assert company(data) == BODY
    assert (props.created, props.modified) == (day, day)
    assert props.language == "vi-VN"
    assert (props.comments, props.keywords, props.category, props.subject) == ("", "", "", "")
    assert props.revision == 1
    assert b"python-docx" not in part(data, "docProps/core.xml")


# ---------------------------------------------------------------- outputs of the sample


def test_sample_decision_carries_title_author_company_and_its_signing_date(sample_docx_path):
    title = "Quyết định ban hành Kế hoạch Cải cách hành chính nhà nước xã Thượng Hồng 6 tháng cuối năm 2025"
    assert_properties(sample_docx_path, title, midnight(2025, 7, 31))


def test_sample_report_carries_its_title_and_its_date(sample_docx_path):
    report = sample_docx_path.parent / "bao-cao-2025-q3.docx"
    title = "Báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2025"
    assert_properties(report, title, midnight(2025, 9, 8))


# ---------------------------------------------------------------- drafts


def render_decision(text: str) -> bytes:
    return engine.render(TEMPLATES / "quyet-dinh.docx", context_of(text))


DRAFT = edited(MINIMAL_PLAN, '  number: "39"\n', "")
TITLE = "Quyết định ban hành Kế hoạch cải cách hành chính năm 2025"


def test_draft_dated_by_month_is_dated_the_first_of_that_month():
    data = render_decision(edited(DRAFT, 'date: "2025-07-31"', 'date: "2025-08"'))
    assert_properties(data, TITLE, midnight(2025, 8, 1))


def test_undated_draft_is_dated_the_first_of_the_month_it_prints():
    # An undated draft prints the month of the build date (TODAY, 2025-09-15).
    data = render_decision(edited(DRAFT, '  date: "2025-07-31"\n', ""))
    assert_properties(data, TITLE, midnight(2025, 9, 1))
    assert "tháng 9 năm 2025" in context_of(edited(DRAFT, '  date: "2025-07-31"\n', ""))["document"]["place_date"]


# A draft amendment dated by month only: its documents are dated the first of that month.
AMENDED = edited(
    plan_with("""\
      - action: change
        task: T01
        set: {deadline: "2025-11-30"}
        reason: Lùi thời hạn
"""),
    '      number: "52"\n      date: "2025-10-15"', '      date: "2025-10"')


def test_amendment_and_consolidated_plan_are_dated_by_the_amending_decision():
    versions = validate.validate_versions(source.parse(AMENDED, "plan.yaml"))
    amendment = amendment_context.build(versions, 0, TODAY)["properties"]
    plan = consolidated.build(versions, TODAY)["properties"]
    assert amendment == {"title": "Quyết định sửa đổi, bổ sung Kế hoạch cải cách hành chính năm 2025",
                         "author": BODY, "company": BODY, "date": "2025-10-01"}
    assert plan == {"title": "Kế hoạch cải cách hành chính năm 2025", "author": BODY, "company": BODY,
                    "date": "2025-10-01"}


# ---------------------------------------------------------------- determinism and XML


def test_two_builds_of_the_sample_are_byte_identical(tmp_path):
    first = build.build(SAMPLE, tmp_path / "a", TEMPLATES, TODAY, check=False)
    second = build.build(SAMPLE, tmp_path / "b", TEMPLATES, TODAY, check=False)
    assert len(first) > 1
    assert [o.path.read_bytes() for o in first] == [o.path.read_bytes() for o in second]


def test_properties_with_markup_characters_are_escaped_not_injected():
    props = {"title": "Báo cáo <b> & “x”", "author": "A & B", "company": "A & B", "date": "2025-07-31"}
    root = etree.fromstring(engine.core_xml(props))
    assert root.findtext("{http://purl.org/dc/elements/1.1/}title") == "Báo cáo <b> & “x”"
    assert etree.fromstring(engine.app_xml("A & B")).findtext(f"{EP}Company") == "A & B"


# ---------------------------------------------------------------- the templates


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.docx")), ids=lambda p: p.name)
def test_templates_carry_neutral_properties_and_vietnamese_styles(template):
    props = open_docx(template).core_properties
    assert (props.title, props.author, props.last_modified_by, props.comments) == ("", "", "", "")
    assert (props.created, props.modified, props.language) == (None, None, "vi-VN")
    assert len(etree.fromstring(part(template, "docProps/app.xml"))) == 0  # no Mac Word, no stale counts
    styles = etree.fromstring(part(template, "word/styles.xml"))
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "vi-VN"
