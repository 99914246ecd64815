"""Property: any text in a field is either refused with its place, or printed exactly as typed.

Hypothesis writes text of every Unicode kind into a field of a small plan. The result
must be one of two: a refusal whose every problem names a line and column, or a
decision whose visible text contains the value (spaces collapsed, as the contexts do).
Bounded and derandomised so CI runs the same examples every time.
"""

from __future__ import annotations

import re

from helpers import MINIMAL_PLAN, TEMPLATES, context_of, edited, open_docx, texts
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from cchc_docs.contexts.common import bare
from cchc_docs.errors import DataError, SourceError
from cchc_docs.render import engine

FIELDS = {
    "plan.tasks[0].content": "      content: Ban hành Kế hoạch\n",
    "decision.recipients[1]": "    - Sở Nội vụ\n",
    "decision.signer.name": "    name: Nguyễn Văn An\n",
}


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar: what YAML may hold raw stays raw, the rest is escaped."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\t" or 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code > 0xFFFF:
            out.append(ch)
        else:
            out.append(f"\\u{code:04X}")
    return '"' + "".join(out) + '"'


def with_value(field: str, value: str) -> str:
    line = FIELDS[field]
    key = line[:line.index(": ") + 2] if ": " in line else line[:line.index("- ") + 2]
    return edited(MINIMAL_PLAN, line, key + yaml_quoted(value) + "\n")


# Text as clerks type it (Vietnamese letters, ASCII, typographic punctuation), and text of any kind.
VIETNAMESE = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"), max_codepoint=0x24F) | \
    st.sampled_from("ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ“”‘’–—…")
ANY_TEXT = st.text(VIETNAMESE, min_size=1, max_size=40) | st.text(min_size=1, max_size=30)


def located(refusal: DataError | SourceError) -> None:
    problems = getattr(refusal, "problems", None)
    if problems is not None:
        assert all(p.location is not None for p in problems), str(refusal)
    else:
        assert re.match(r"plan\.yaml:\d+:\d+: ", str(refusal)), str(refusal)


@settings(max_examples=80, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(FIELDS)), value=ANY_TEXT)
@example(field="plan.tasks[0].content", value="{_{ x }_} và {_% y %_}")  # docxtpl's escape syntax, typed as data
@example(field="decision.recipients[1]", value="{{ 1 + 1 }} <w:p> &amp;")  # jinja and XML syntax typed as data
def test_any_text_in_a_field_is_refused_with_its_place_or_printed_as_typed(field, value):
    try:
        context = context_of(with_value(field, value))
    except (DataError, SourceError) as refusal:
        located(refusal)
        return
    event("printed")
    document = open_docx(engine.render(TEMPLATES / "quyet-dinh.docx", context))
    printed = " ".join(" ".join(texts(document)).split())
    expected = " ".join(value.split())
    if field == "decision.recipients[1]":  # the program writes the ";" or "." that ends a recipient line
        expected = bare(expected)
    assert expected in printed
