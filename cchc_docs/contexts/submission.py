"""Context of ``to-trinh.docx``: the Tờ trình (Mẫu 1.4, loại TTr) by which a unit proposes the plan.

The clerk's real sequence is Tờ trình → decision: Phòng Văn hóa - Xã hội drafts the plan
and proposes it to the People's Committee under its own number (``25/TTr-VHXH``), with
the draft decision attached. The header is the unit's, under the People's Committee
as its governing body; Kính gửi names the Committee. The body is the usual outline of
a Tờ trình: căn cứ; I. the need for the plan; II. what the plan contains, computed from
the plan itself (sections, targets, tasks by area and by lead unit, time frame), so it
cannot disagree with the draft; III. the proposal. The decision's "Theo đề nghị của …"
cites this Tờ trình when the data leaves that line out (:func:`proposal`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter

from cchc_docs import vn
from cchc_docs.contexts import common
from cchc_docs.contexts.report import addressees
from cchc_docs.contexts.report_body import Node, flatten, with_end_mark
from cchc_docs.contexts.report_sentences import bullet, text
from cchc_docs.model.plan import AREAS, Bullet, PlanFile, Submission

# Heads of a unit by the word its name starts with; anything else is "Thủ trưởng".
HEADS = (("Văn phòng", "Chánh"), ("Trung tâm", "Giám đốc"), ("Phòng", "Trưởng"), ("Ban", "Trưởng"))
_VOWELS = re.compile(r"[aeiouy]", re.IGNORECASE)  # of a word stripped of its marks (Ư → U, Ă → A)


def build(plan_file: PlanFile, today: dt.date) -> dict:
    """The whole context; ``today`` only fills the month of an undated draft."""
    s, body = plan_file.submission, plan_file.issuing_body
    date = common.signing_date(s.date, today)
    unit = plan_file.unit(s.unit)
    title = summary(plan_file)
    lines = [vn.upper(common.clean(unit.name))]
    return {
        "header": {"governing_body": governing_line(body), "body_lines": lines},
        "document": common.document(vn.doc_number(s.number, f"{s.type_code}-{s.unit}"), s.number, body, date),
        "submission": {
            "title": title,
            "addressees": addressees((common.clean(body.name),)),
            "grounds": common.grounds(legal_bases(plan_file)),
            "opening": f"{common.clean(unit.name)} đã xây dựng dự thảo Kế hoạch "
                       f"{common.lower_first(common.bare(plan_file.plan.title))}; kính trình {common.clean(body.name)} "
                       "như sau:",
            "body": with_end_mark(flatten(outline(plan_file))),
            "recipients": common.recipients(s.recipients, (s.unit,), first=["Như trên"]),
            "signer": {"lines": common.signer_lines(s.signer), "name": common.clean(s.signer.name)},
        },
        "rule_indents": _rules(body, lines, title),
        "properties": {**common.properties(s.type_name, title, body, date), "author": common.clean(unit.name)},
    }


def summary(plan_file: PlanFile) -> str:
    """``Về việc ban hành Kế hoạch …``: the decision's trích yếu, or the plan's for a plan issued on its own."""
    if plan_file.decision is not None:
        return f"Về việc {common.lower_first(common.bare(plan_file.decision.title))}"
    return f"Về việc ban hành Kế hoạch {common.lower_first(common.bare(plan_file.plan.title))}"


def governing_line(body) -> str:
    """Box 2's first line for a unit's document: its People's Committee, ``UBND XÃ THƯỢNG HỒNG``.

    ND30 (Phụ lục I, II.2) lets the governing body's name shorten common phrases such as
    Ủy ban nhân dân (UBND), so it fits one line above the unit's name.
    """
    line = " ".join(common.clean(part) for part in body.header)
    return re.sub(r"^ỦY BAN NHÂN DÂN\b", "UBND", line)


def legal_bases(plan_file: PlanFile) -> tuple[str, ...]:
    """The Tờ trình's own căn cứ, or those of the document it proposes."""
    s, issuer = plan_file.submission, plan_file.issuer
    return s.legal_bases or tuple(issuer.legal_bases) + tuple(getattr(issuer, "implements", ()))


def proposer(plan_file: PlanFile) -> str:
    """Who proposes, as the decision names them: ``Trưởng phòng Văn hóa - Xã hội``."""
    s = plan_file.submission
    if s.proposer:
        return common.bare(s.proposer)
    name = common.clean(plan_file.unit(s.unit).name)
    head = next((title for word, title in HEADS if name.startswith(word + " ")), None)
    if head is None:
        return f"Thủ trưởng {name}"
    return f"{head} {name}" if head != "Trưởng" else f"Trưởng {common.lower_first(name)}"


def reference(s: Submission) -> str:
    """``Tờ trình số 25/TTr-VHXH ngày 31/7/2025`` (the number left blank in a draft)."""
    number = vn.doc_number(s.number, f"{s.type_code}-{s.unit}").removeprefix("Số:").strip()
    dated = f" ngày {vn.short_date(s.date.as_date())}" if s.date and s.date.complete else ""
    return f"Tờ trình số {number}{dated}"


def proposal(plan_file: PlanFile) -> str | None:
    """"Theo đề nghị của …" of the decision: as written, or else the Tờ trình's head and number."""
    decision = plan_file.decision
    if decision.proposal or plan_file.submission is None:
        return decision.proposal
    return f"{proposer(plan_file)} tại {reference(plan_file.submission)}"


# ---------------------------------------------------------------- the body


def outline(plan_file: PlanFile) -> list[Node]:
    s, plan = plan_file.submission, plan_file.plan
    need = [_paragraph(p) for p in s.need] or [text(_default_need(plan_file))]
    return [
        Node("SỰ CẦN THIẾT BAN HÀNH KẾ HOẠCH", need),
        Node("NỘI DUNG CHÍNH CỦA KẾ HOẠCH", [text(f"Dự thảo Kế hoạch {common.lower_first(common.bare(plan.title))} "
                                                 "gồm những nội dung chính sau:")] + contents(plan_file)),
        Node("ĐỀ XUẤT", [text(_request(plan_file))]),
    ]


def _paragraph(block) -> dict:
    return bullet(common.clean(block.bullet)) if isinstance(block, Bullet) else text(common.clean(block.text))


def _default_need(plan_file: PlanFile) -> str:
    plan, body = plan_file.plan, plan_file.issuing_body
    where = f"{common.level(body)} {common.clean(body.place)}"
    return (f"Để triển khai đồng bộ, có trọng tâm các nhiệm vụ cải cách hành chính nhà nước trên địa bàn {where} từ "
            f"ngày {vn.short_date(plan.start)} đến ngày {vn.short_date(plan.end)}, xác định rõ chỉ tiêu, thời hạn và "
            "trách nhiệm của từng cơ quan, đơn vị, làm căn cứ để theo dõi, đánh giá và báo cáo kết quả, việc ban hành "
            "Kế hoạch là cần thiết.")


def contents(plan_file: PlanFile) -> list[dict]:
    """What the plan contains, counted from the plan: the same numbers the draft prints."""
    plan = plan_file.plan
    sections = "; ".join(f"{vn.roman(i + 1)}. {sentence_case(common.clean(s.title))}"
                         for i, s in enumerate(plan.sections))
    lines = [f"Bố cục: {len(plan.sections)} mục ({sections})"
             + (f" và Phụ lục danh mục {len(plan.tasks)} nhiệm vụ." if plan.tasks else ".")]
    if plan.targets:
        lines.append(f"Các chỉ tiêu chủ yếu: {len(plan.targets)} chỉ tiêu, tại mục "
                     f"{vn.roman(_targets_section(plan) + 1)} của Kế hoạch.")
    if plan.tasks:
        lines.append(_tasks_line(plan_file))
        lines.append(_leads_line(plan_file))
    lines.append(f"Thời gian thực hiện: từ ngày {vn.short_date(plan.start)} đến ngày {vn.short_date(plan.end)}"
                 + _reporting(plan_file) + ".")
    return [bullet(line) for line in lines]


def _targets_section(plan) -> int:
    """The section that prints the targets (``include: targets``); the first one if none says so."""
    for i, section in enumerate(plan.sections):
        if any(getattr(block, "include", None) == "targets" for block in section.body):
            return i
    return 0


def _tasks_line(plan_file: PlanFile) -> str:
    tasks = plan_file.plan.tasks
    by_area = Counter(t.area for t in tasks)
    areas = "; ".join(f"{common.lower_first(AREAS[code])} {by_area[code]}" for code in AREAS if code in by_area)
    ongoing = sum(t.deadline.due is None for t in tasks)
    return (f"Nhiệm vụ: {len(tasks)} nhiệm vụ theo {len(by_area)} lĩnh vực ({areas})"
            + (f", trong đó {ongoing} nhiệm vụ thực hiện thường xuyên" if ongoing else "") + ".")


def _leads_line(plan_file: PlanFile) -> str:
    """Tasks per lead unit, in the plan's unit order; a joint task counts for each of its leads."""
    tasks = plan_file.plan.tasks
    led = Counter(code for t in tasks for code in t.lead)
    units = "; ".join(f"{common.unit_label(plan_file, u.code)} {led[u.code]} nhiệm vụ" for u in plan_file.units
                      if u.code in led)
    joint = sum(len(t.lead) > 1 for t in tasks)
    note = f"; {joint} nhiệm vụ do nhiều cơ quan cùng chủ trì được tính cho mỗi cơ quan" if joint else ""
    return f"Phân công chủ trì: {units}{note}."


def _reporting(plan_file: PlanFile) -> str:
    reporting = plan_file.plan.reporting
    if reporting is None:
        return ""
    hub = plan_file.unit(reporting.hub)
    return (f"; các cơ quan, đơn vị báo cáo định kỳ về {common.clean(hub.name)} tổng hợp, trình "
            f"{common.clean(plan_file.issuing_body.name)} báo cáo {common.clean(reporting.recipient)}")


def _request(plan_file: PlanFile) -> str:
    unit = common.clean(plan_file.unit(plan_file.submission.unit).name)
    body = common.clean(plan_file.issuing_body.name)
    plan = f"Kế hoạch {common.lower_first(common.bare(plan_file.plan.title))}"
    if plan_file.decision is not None:
        what, drafts = f"Quyết định ban hành {plan}", "dự thảo Quyết định và dự thảo Kế hoạch kèm theo"
    else:
        what, drafts = plan, "dự thảo Kế hoạch kèm theo"
    return f"{unit} kính trình {body} xem xét, ban hành {what} ({drafts})."


def sentence_case(title: str) -> str:
    """``MỤC ĐÍCH, YÊU CẦU`` → ``Mục đích, yêu cầu``; a word without vowels (``CCHC``, ``TTHC``) keeps its capitals."""
    words = [w if not _VOWELS.search(_base(w)) else w.lower() for w in title.split(" ")]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _base(word: str) -> str:
    """The letters of a word without their marks, to tell vowels from consonants."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _rules(body, lines: list[str], title: str) -> dict[str, float]:
    lengths = common.header_rules(body, lines)
    lengths["RuleTitle"] = common.title_rule(title)
    return common.rule_indents(lengths)
