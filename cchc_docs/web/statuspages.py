"""The status pages: the periods of a plan, a period's entry form, the units' workbooks, and the report."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cchc_docs.errors import SourceError
from cchc_docs.model import periods, source, validate
from cchc_docs.model.load import load_plan
from cchc_docs.model.paths import status_folder
from cchc_docs.web import catalog, statusform
from cchc_docs.web.pages import page, plan_of, read_form

MAX_WORKBOOKS = 30  # a commune has about ten units


def _period(request: Request, ref: catalog.PlanRef) -> periods.Period:
    code = request.path_params["period"]
    try:
        period = periods.parse(code)
    except periods.PeriodError as e:
        raise catalog.NotFound(str(e)) from e
    if period.code != code:
        raise catalog.NotFound(f"không có kỳ báo cáo '{code}' (viết là {period.code})")
    return period


async def periods_page(request: Request) -> Response:
    ref = plan_of(request)
    plan_file = await run_in_threadpool(load_plan, ref.path)
    plan = plan_file.plan
    folder = status_folder(ref.path)
    existing = {p.stem for p in folder.glob("*.yaml")} if folder.is_dir() else set()
    choices = [(p, p.code in existing) for p in periods.periods_of(plan.start, plan.end)]
    return page(request, "periods.html", {"title": f"Số liệu báo cáo: {ref.key}", "plan": ref, "periods": choices})


async def status_page(request: Request) -> Response:
    ref = plan_of(request)
    period = _period(request, ref)
    ctx = await run_in_threadpool(statusform.context, ref.path, period)
    if request.method == "GET":
        state = await run_in_threadpool(statusform.open_page, ctx)
        return _status(request, ref, state)
    form = await read_form(request)
    typed = statusform.from_input(form, ctx)
    state = await run_in_threadpool(statusform.save, ctx, typed, str(form.get("digest") or ""))
    return _status(request, ref, state, 200 if state.saved else 422)


def _status(request: Request, ref: catalog.PlanRef, state: statusform.StatusPage, status: int = 200,
            **more) -> Response:
    return page(request, "status.html", {
        "title": f"Số liệu {state.period.label}: {ref.key}", "plan": ref, "state": state, "problems": state.problems,
        "s": statusform, "imported": more.get("imported"), "workbooks": more.get("workbooks", [])}, status)


async def import_workbooks(request: Request) -> Response:
    """Merge the units' returned workbooks into the period's status file (``cchc-docs collect``)."""
    ref = plan_of(request)
    period = _period(request, ref)
    form = await read_form(request, files=MAX_WORKBOOKS)
    uploads = [f for f in form.getlist("workbooks") if isinstance(f, UploadFile) and f.filename]
    if not uploads:
        raise SourceError("chưa chọn tệp phiếu báo cáo (.xlsx) nào để nhập")
    scratch = Path(tempfile.mkdtemp(prefix="cchc-phieu-"))
    try:
        paths = [await _keep(upload, scratch, i) for i, upload in enumerate(uploads)]
        outcome = await run_in_threadpool(_collect, ref.path, period, paths, form.get("force") == "1")
    finally:
        await form.close()
        shutil.rmtree(scratch, ignore_errors=True)
    ctx = await run_in_threadpool(statusform.context, ref.path, period)
    state = await run_in_threadpool(statusform.open_page, ctx)
    return _status(request, ref, state, imported=outcome)


async def _keep(upload: UploadFile, folder: Path, index: int) -> Path:
    """The upload saved under its own base name (messages name it), in a private folder."""
    name = re.sub(r"[^\w.\- ]", "_", Path(upload.filename.replace("\\", "/")).name)[:100] or f"phieu-{index}.xlsx"
    path = folder / str(index) / name
    path.parent.mkdir()
    path.write_bytes(await upload.read())
    return path


def _collect(plan_path: Path, period, paths: list[Path], force: bool):
    from cchc_docs.sheets import files

    outcome = files.collect_into(files.plan_at(plan_path, period), paths, force=force)
    return {"status": outcome.status, "changes": outcome.changes, "units": outcome.collected.units,
            "missing": outcome.collected.missing, "notes": outcome.collected.notes}


async def make_workbooks(request: Request) -> Response:
    """One workbook per unit for the period (``cchc-docs sheets``), to download and send out."""
    ref = plan_of(request)
    period = _period(request, ref)
    await read_form(request)
    settings = request.app.state.settings
    written = await run_in_threadpool(_workbooks, ref.path, period, settings.out_root / ref.out_dir)
    ctx = await run_in_threadpool(statusform.context, ref.path, period)
    state = await run_in_threadpool(statusform.open_page, ctx)
    return _status(request, ref, state, workbooks=[p.name for p in written])


def _workbooks(plan_path: Path, period, folder: Path) -> list[Path]:
    from cchc_docs.sheets import files

    return files.write_workbooks(files.plan_at(plan_path, period), folder)


async def make_report(request: Request) -> Response:
    """Build the period's report, as ``cchc-docs report`` does, and follow it on the build page."""
    ref = plan_of(request)
    period = _period(request, ref)
    await read_form(request)
    await run_in_threadpool(lambda: validate.validate(source.load(ref.path)))
    job = request.app.state.jobs.start(ref, period=period)
    return RedirectResponse(request.url_for("job", id=job.id).path, 303)


ROUTES = [
    Route("/ke-hoach/{plan:path}/so-lieu", periods_page, name="periods"),
    Route("/ke-hoach/{plan:path}/so-lieu/{period}", status_page, methods=["GET", "POST"], name="status"),
    Route("/ke-hoach/{plan:path}/so-lieu/{period}/nhap-phieu", import_workbooks, methods=["POST"], name="import"),
    Route("/ke-hoach/{plan:path}/so-lieu/{period}/lap-phieu", make_workbooks, methods=["POST"], name="workbooks"),
    Route("/ke-hoach/{plan:path}/so-lieu/{period}/bao-cao", make_report, methods=["POST"], name="report"),
]
