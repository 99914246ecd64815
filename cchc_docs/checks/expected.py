"""Expected findings kept beside a document, and how the checker's findings score against them.

A folder of documents a person has judged holds, beside each ``x.docx``, an
``x.expected.json``::

    {
      "findings": [
        {"rule": "ND30-BASIS-ITALIC", "at": "Căn cứ Nghị quyết số 76"},
        {"rule": "ND30-MARGIN-LEFT", "at": "Lề trang (section 1, 2)"}
      ],
      "unsure": [
        {"rule": "ND30-BODY-SPACING", "at": "Ghi chú:"}
      ]
    }

``findings`` are the faults a careful reader of the decree finds, each once; ``unsure``
(optional) those the reader could not decide — neither counted as a false alarm when
found nor as a miss when not. ``at`` names the place as a finding does: the start of
its quoted line (``excerpt``), or, for a finding about no line (page setup, the whole
text), the start of its ``component``. A finding matches an expected one with the same
rule whose ``at`` its own place begins with; each expected finding matches at most one.

``bench/score_check.py`` scores a folder with :func:`compare`; the corpus tests hold
each corpus document to exactly its expected findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_docs.checks.findings import Finding


@dataclass(frozen=True)
class Expected:
    """One finding a reader expects: the rule and where (start of the quoted line, or the component)."""

    rule: str
    at: str

    def as_dict(self) -> dict:
        return {"rule": self.rule, "at": self.at}


@dataclass(frozen=True)
class Score:
    """How a checker's findings compare with the expected ones for one document."""

    findings: tuple[Finding, ...]
    true: tuple[Finding, ...] = ()
    false_alarms: tuple[Finding, ...] = ()
    misses: tuple[Expected, ...] = ()
    unsure: tuple[Finding, ...] = field(default=())


def at(finding: Finding) -> str:
    """Where a finding is, as ``at`` names it."""
    return finding.excerpt or finding.component or ""


def parse(data: dict) -> tuple[tuple[Expected, ...], tuple[Expected, ...]]:
    """(findings, unsure) of an expected-findings object; a ValueError names what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("findings", []), list):
        raise ValueError('cần một đối tượng JSON có "findings": [...]')
    return _entries(data.get("findings", []), "findings"), _entries(data.get("unsure", []), "unsure")


def _entries(items: list, key: str) -> tuple[Expected, ...]:
    found = []
    for number, item in enumerate(items):
        if not (isinstance(item, dict) and isinstance(item.get("rule"), str) and isinstance(item.get("at", ""), str)):
            raise ValueError(f'{key}[{number}]: cần {{"rule": "ND30-…", "at": "…"}}, nhận được {item!r}')
        found.append(Expected(item["rule"], item.get("at", "")))
    return tuple(found)


def document(expected: tuple[Expected, ...], unsure: tuple[Expected, ...] = ()) -> dict:
    """The JSON object for a document's expected findings."""
    data: dict = {"findings": [x.as_dict() for x in expected]}
    if unsure:
        data["unsure"] = [x.as_dict() for x in unsure]
    return data


def compare(findings: list[Finding], expected: tuple[Expected, ...], unsure: tuple[Expected, ...] = ()) -> Score:
    """Match findings to expected ones (exact places first, then by the start of the place)."""
    left = list(findings)
    true = _take(left, list(expected))
    misses = tuple(x for x in expected if id(x) not in true)
    matched = [f for f in findings if id(f) in true.values()]
    unsure_found = _take(left, list(unsure))
    doubtful = [f for f in findings if id(f) in unsure_found.values()]
    return Score(tuple(findings), tuple(matched), tuple(left), misses, tuple(doubtful))


def _take(left: list[Finding], wanted: list[Expected]) -> dict[int, int]:
    """Pair each wanted entry with a finding still ``left`` (removing it): id(entry) → id(finding)."""
    pairs: dict[int, int] = {}
    for exact in (True, False):
        for entry in wanted:
            if id(entry) in pairs:
                continue
            for finding in left:
                where = at(finding)
                if finding.rule == entry.rule and (where == entry.at if exact else where.startswith(entry.at)):
                    pairs[id(entry)] = id(finding)
                    left.remove(finding)
                    break
    return pairs
