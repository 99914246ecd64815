"""The công văn đôn đốc of ``cchc-docs remind``: load, list what is late or coming, render, self-check, write.

The statuses come from the latest report whose data window ended by the chosen day;
the plan is the one in force that day. The letter goes through the same ND30 self-check
as every document the program makes, and nothing is written when it fails.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_docs import checks
from cchc_docs.contexts import reminder as letter
from cchc_docs.model import amend, source, validate
from cchc_docs.model.load import load_statuses_for, status_files
from cchc_docs.model.paths import status_folder
from cchc_docs.model.status import reporting_calendar
from cchc_docs.pipeline.build import Output, stop_on_format_errors, template_bytes
from cchc_docs.render import engine
from cchc_docs.write import write_atomic

TEMPLATE = "cong-van.docx"
DEFAULT_DAYS = 15


def reminder(plan_path: Path, as_of: dt.date, days: int = DEFAULT_DAYS) -> letter.Reminder:
    """What to remind of on ``as_of``: the plan then in force, the statuses of the last report by then."""
    versions = validate.validate_versions(source.load(plan_path))
    calendar = reporting_calendar(versions[0])
    ended = {p: path for p, path in status_files(status_folder(plan_path)).items() if p.window(calendar)[1] <= as_of}
    statuses, _ = load_statuses_for(versions, ended)
    last = max(statuses.items(), key=lambda kv: kv[0].window(calendar), default=None)
    return letter.reminder(amend.version_at(versions, as_of), last, as_of, days)


def output_path(plan_path: Path, out_root: Path, as_of: dt.date) -> Path:
    """``out/<plan>/cong-van-don-doc-2025-11-20.docx``."""
    return out_root / plan_path.stem / f"cong-van-don-doc-{as_of.isoformat()}.docx"


def write_letter(r: letter.Reminder, path: Path, templates: Path, check: bool = True) -> Output:
    """Render the letter, check it like every other document, then write it atomically."""
    template = templates / TEMPLATE
    template_bytes(template)  # a missing template is named before rendering
    data = engine.render(template, letter.build(r), plain=True)
    findings = tuple(checks.check_bytes(data)) if check else ()
    stop_on_format_errors([(path, findings)])
    write_atomic(path, data)
    return Output("cong-van", path, data, findings)
