"""Build the DOCX templates in ``templates/`` from code.

The templates are made here, not by hand in Word, so that every format choice is a
reviewable line citing Nghị định 30/2020/NĐ-CP, and so that the templates stay lean
(only the styles they use). ``tests/tools/test_build_templates.py`` fails when a
committed template differs from what this script builds.

Run: ``python tools/build_templates.py`` (writes templates/*.docx). The builders live in
``tools/templates/``: ``kit.py`` (styles, helpers, page setup, tables, assembly),
``decision.py`` (decisions, plan, appendices), ``report.py`` (periodic report),
``letter.py`` (công văn đôn đốc) and ``issued.py`` (the plan issued on its own, the Tờ trình).

Each template uses named paragraph styles (Vietnamese names, ASCII ids) so that a
clerk can adjust wording around the ``{{ … }}`` tags in Word or LibreOffice and the
format stays in the styles. Fonts are also set on every run, as the decree asks for
Times New Roman "for every component".
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from templates.decision import (  # noqa: E402
    build_amendment_template,
    build_decision_template,
    build_plan_template,
)
from templates.issued import build_issued_plan_template, build_submission_template  # noqa: E402
from templates.letter import build_letter_template  # noqa: E402
from templates.report import build_report_template  # noqa: E402

TEMPLATES = {
    "quyet-dinh.docx": build_decision_template,
    "quyet-dinh-sua-doi.docx": build_amendment_template,
    "ke-hoach.docx": build_plan_template,
    "bao-cao-quy.docx": build_report_template,
    "cong-van.docx": build_letter_template,
    "ke-hoach-ban-hanh.docx": build_issued_plan_template,
    "to-trinh.docx": build_submission_template,
}


def main() -> None:
    out = ROOT / "templates"
    out.mkdir(exist_ok=True)
    for name, build in TEMPLATES.items():
        (out / name).write_bytes(build())
        print(f"đã tạo templates/{name}")


if __name__ == "__main__":
    main()
