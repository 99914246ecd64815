"""docs/data-format.md is generated from the model and must stay in sync with it."""

import importlib.util
from pathlib import Path

from helpers import SAMPLE

from cchc_docs.model import consistency, source, validate

ROOT = Path(__file__).resolve().parents[2]


def load_tool():
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "tools" / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_data_format_doc_matches_the_model():
    committed = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    assert committed == load_tool().render(), "chạy python tools/make_docs.py để cập nhật tài liệu"


def test_example_in_data_format_doc_is_a_valid_plan():
    plan_file = validate.validate(source.parse(load_tool().EXAMPLE, "ví-dụ.yaml"))
    assert [t.id for t in plan_file.plan.tasks] == ["T01"]


def test_every_field_of_every_record_is_documented():
    tool = load_tool()
    for _, kind in tool.RECORDS:
        for name, _, _, meaning in tool.field_docs(kind):
            assert meaning, f"{kind.__name__}.{name} has no Vietnamese description"


def test_amendment_example_applies_to_the_example_plan():
    tool = load_tool()
    versions = validate.validate_versions(source.parse(tool.EXAMPLE + tool.AMENDMENT_EXAMPLE, "ví-dụ.yaml"))
    assert [t.id for t in versions[-1].plan.tasks] == ["T01", "T43"]
    assert versions[-1].plan.targets == ()


def test_the_amendment_example_works_pasted_at_the_end_of_the_sample_plan():
    """A clerk copies the example from docs/data-format.md into the real plan: it must validate."""
    text = SAMPLE.read_text(encoding="utf-8") + "\n" + load_tool().AMENDMENT_EXAMPLE
    versions = validate.validate_versions(source.parse(text, "ke-hoach.yaml"))
    assert len(versions) == 2
    assert "T43" in [t.id for t in versions[-1].plan.tasks]


def test_the_stand_alone_example_issues_the_example_plan_without_its_decision():
    """Issue 14.13: the plan.issue example, in place of the decision, gives a valid plan issued on its own."""
    tool = load_tool()
    start, end = tool.EXAMPLE.index("decision:\n"), tool.EXAMPLE.index("plan:\n")
    text = (tool.EXAMPLE[:start] + tool.EXAMPLE[end:]).replace("plan:\n", tool.ISSUED_PLAN_EXAMPLE, 1)
    plan_file = validate.validate(source.parse(text, "ví-dụ.yaml"))
    assert (plan_file.decision, plan_file.issuer.number, plan_file.plan.tasks[0].id) == (None, 11, "T01")


def test_the_submission_example_fits_the_example_plan():
    """Issue 14.16: the Tờ trình example, pasted after the example plan, validates and comes before the decision."""
    tool = load_tool()
    parsed = source.parse(tool.EXAMPLE + tool.SUBMISSION_EXAMPLE, "ví-dụ.yaml")
    plan_file = validate.validate(parsed)
    assert plan_file.submission.number == 2
    assert consistency.decision_problems(plan_file, parsed) == []
