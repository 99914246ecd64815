"""The amendments page: the plan's amendments with their comparison tables, and a form to record a new one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cchc_docs.errors import DataError
from cchc_docs.model import source, validate
from cchc_docs.web import amendform, planform, yamlfile
from cchc_docs.web.forms import Problems, row_operation
from cchc_docs.web.pages import page, plan_of, read_form


def _existing(plan_path: Path, today: dt.date) -> list[dict]:
    """Each recorded amendment with its comparison table (none when the plan has problems)."""
    try:
        versions = validate.validate_versions(source.load(plan_path))
    except DataError:
        return []
    return [{"id": a.id, "title": a.decision.title, "number": a.decision.number,
             "rows": amendform.comparison(versions, k, today)} for k, a in enumerate(versions[0].amendments)]


def _page_state(plan_path: Path, form: amendform.AmendForm, problems, today: dt.date, **more) -> amendform.AmendPage:
    tree = source.load(plan_path).tree
    tree = tree if isinstance(tree, dict) else {}
    plan = planform.value_at(tree, ("plan",)) or {}
    ids = {kind: [str(x.get(key)) for x in plan.get(name) or [] if isinstance(x, dict) and x.get(key)]
           for kind, name, key in (("task", "tasks", "id"), ("target", "targets", "id"), ("section", "sections", "id"))}
    return amendform.AmendPage(form, Problems.place(problems, form.known()), _existing(plan_path, today),
                               planform.units_of(tree), ids, yamlfile.digest(plan_path), **more)


async def amendments(request: Request) -> Response:
    ref = plan_of(request)
    today = dt.date.today()
    if request.method == "GET":
        tree = source.load(ref.path).tree
        state = await run_in_threadpool(_page_state, ref.path, amendform.defaults(tree or {}), [], today)
        return _render(request, ref, state)
    form = await read_form(request)
    typed = amendform.from_input(form)
    op = str(form.get("op") or "")
    if op.startswith("changes-"):
        if not row_operation(typed.changes, op, "changes", amendform.blank_change):
            raise HTTPException(400)
        return _render(request, ref, await run_in_threadpool(_page_state, ref.path, typed, [], today))
    document, problems, preview = await run_in_threadpool(amendform.check, ref.path, typed, today)
    if str(form.get("digest") or "") != yamlfile.digest(ref.path):
        problems.append(amendform.Problem(None, "", "tệp kế hoạch đã được sửa ở nơi khác sau khi trang được mở; "
                                          "chưa lưu", hint="mở lại trang"))
    if op == "save" and not problems:
        await run_in_threadpool(document.save)
        tree = source.load(ref.path).tree
        state = await run_in_threadpool(_page_state, ref.path, amendform.defaults(tree), [], today, saved=True)
        return _render(request, ref, state)
    state = await run_in_threadpool(_page_state, ref.path, typed, problems, today, preview=preview)
    return _render(request, ref, state, 422 if problems else 200)


def _render(request: Request, ref, state: amendform.AmendPage, status: int = 200) -> Response:
    return page(request, "amendments.html", {"title": f"Sửa đổi, bổ sung: {ref.key}", "plan": ref, "state": state,
                                             "problems": state.problems, "a": amendform, "f": planform}, status)


ROUTES = [Route("/ke-hoach/{plan:path}/sua-doi", amendments, methods=["GET", "POST"], name="amendments")]
