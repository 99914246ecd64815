"""The rule registry: each rule is a small function registered with its id, tag and article.

A rule function takes the recognised :class:`~cchc_docs.checks.components.Layout` and
yields :class:`Hit` s — what is wrong and where. The registry turns hits into
:class:`~cchc_docs.findings.Finding` s, adding what every finding of the rule shares
(id, severity, article) and what the layout knows (the real page when a PDF was read,
else the table and row or the heading a reader finds the line under; the excerpt).
Severity comes from the reference's tag: [C] → error, [M]/[P] → warning.

A rule that compares the exact Vietnamese wording ("Số:", "Nơi nhận:", the Quốc hiệu …)
is marked ``wording``: in a document typed without diacritics every such line differs
for one reason, which ND30-TEXT-DIACRITICS reports once, so those rules stand aside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cchc_docs.checks.components import Layout
from cchc_docs.checks.findings import Finding, Severity
from cchc_docs.checks.pieces import Piece
from cchc_docs.checks.text import shorten
from cchc_docs.facts.extract import ParagraphFacts

SEVERITY: dict[str, Severity] = {"C": "error", "M": "warning", "P": "warning"}


@dataclass(frozen=True)
class Hit:
    """One violation found by a rule, before the registry dresses it as a Finding."""

    message: str
    expected: str | None = None
    got: str | None = None
    where: Piece | ParagraphFacts | None = None
    component: str | None = None
    page: int | None = None  # for findings without a paragraph (a section, a header): a real page


@dataclass(frozen=True)
class Rule:
    """One format rule of the catalogue."""

    id: str
    tag: str  # C, M or P (see the reference's legend)
    article: str
    summary: str  # Vietnamese, one line, for the catalogue
    function: Callable[[Layout], Iterable[Hit]]
    wording: bool = False  # compares exact Vietnamese wording (stands aside in a text without diacritics)

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.tag]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, tag: str, article: str, summary: str, wording: bool = False):
    """Register the decorated function as the rule ``rule_id``."""

    def register(function: Callable[[Layout], Iterable[Hit]]):
        add(Rule(rule_id, tag, article, summary, function, wording))
        return function

    return register


def add(new: Rule) -> None:
    """Register a rule; ids are stable and unique."""
    if new.id in RULES:
        raise ValueError(f"rule id {new.id} registered twice")
    if new.tag not in SEVERITY:
        raise ValueError(f"rule {new.id}: tag must be C, M or P, got {new.tag}")
    RULES[new.id] = new


def run(layout: Layout, rules: Iterable[Rule] | None = None,
        poll: Callable[[int], None] | None = None) -> list[Finding]:
    """Every finding of every rule, in document order (document-wide findings first).

    ``poll(count)`` runs before each rule and every 1,024 findings with the number found
    so far: the caller's limits on time and on findings.
    """
    findings: list[Finding] = []
    for rule_ in RULES.values() if rules is None else rules:
        if rule_.wording and layout.unaccented:
            continue
        if poll is not None:
            poll(len(findings))
        for hit in rule_.function(layout):
            findings.append(_finding(rule_, hit, layout))
            if poll is not None and not len(findings) % 1024:
                poll(len(findings))
    return sorted(findings, key=lambda f: (f.paragraph is not None, f.paragraph or 0, f.page or 0, f.rule))


def _finding(rule_: Rule, hit: Hit, layout: Layout) -> Finding:
    para = hit.where.para if isinstance(hit.where, Piece) else hit.where
    text = hit.where.text if hit.where is not None else None
    index = para.index if para is not None and para.section_index is not None else None
    return Finding(
        rule=rule_.id,
        severity=rule_.severity,
        message=hit.message,
        article=rule_.article,
        expected=hit.expected,
        got=hit.got,
        paragraph=index,
        component=hit.component,
        excerpt=shorten(text) if text else None,
        page=hit.page if hit.page is not None else layout.page_of(index),
        landmark=layout.landmark_of(index) if hit.component in _BODY else None,
    )


#: Components that stand in the content, where a heading or a table row tells a reader where to look.
_BODY = frozenset({"Nội dung", "Điều", "Mục", "Khoản", "Điểm", "Căn cứ", "Ngày tháng trong nội dung"})
