"""The build page: start a build, follow its progress, then download, preview and read the self-check."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cchc_docs.web import catalog
from cchc_docs.web.pages import page, plan_of, read_form


async def build_page(request: Request) -> Response:
    ref = plan_of(request)
    jobs = request.app.state.jobs
    if request.method == "POST":
        form = await read_form(request)
        job = jobs.start(ref, new_version=form.get("new_version") == "1")
        return RedirectResponse(request.url_for("job", id=job.id).path, 303)
    return page(request, "build.html", {"title": f"Tạo văn bản: {ref.key}", "plan": ref, "job": jobs.latest(ref)})


async def job_page(request: Request) -> Response:
    job = request.app.state.jobs.get(request.path_params["id"])
    if job is None:
        raise catalog.NotFound("không có lượt tạo văn bản này (máy chủ đã khởi động lại?); hãy tạo lại")
    return page(request, "job.html", {"title": f"Tạo văn bản: {job.plan.key}", "plan": job.plan, "job": job})


ROUTES = [
    Route("/ke-hoach/{plan:path}/tao", build_page, methods=["GET", "POST"], name="build"),
    Route("/viec/{id}", job_page, name="job"),
]
