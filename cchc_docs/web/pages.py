"""The plan list, the plan editor, downloads and the password page; what every page shares.

Every handler reads and writes through the library (:mod:`cchc_docs.web.catalog`,
:mod:`cchc_docs.web.editor`); slow work (validating, writing) runs in a worker thread so
the server keeps answering. Every POST is read by :func:`read_form`, which checks the
session's CSRF token first.
"""

from __future__ import annotations

import asyncio
import secrets
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from cchc_docs.pipeline import confine
from cchc_docs.web import catalog, config, editor, planform
from cchc_docs.web.forms import row_operation
from cchc_docs.web.jobs import PREVIEWS

MAX_FIELDS = 20_000  # a plan of 500 tasks is about 6,000 fields; the body size limit stops the rest


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def page(request: Request, name: str, context: dict, status: int = 200) -> Response:
    """A page with what every page needs: the CSRF token, whether a password guards the application."""
    settings = request.app.state.settings
    context = {"csrf": csrf_token(request), "guarded": settings.guarded, "data_dir": settings.data_dir,
               "title": "", **context}
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


async def read_form(request: Request, files: int = 0) -> FormData:
    """The form of a POST, refused (403) unless it carries this session's CSRF token."""
    limit = request.app.state.settings.max_upload
    form = await request.form(max_files=files, max_fields=MAX_FIELDS, max_part_size=limit)
    sent = form.get("csrf") or request.headers.get("x-csrf-token") or ""
    expected = request.session.get("csrf") or ""
    if not expected or not secrets.compare_digest(str(sent), expected):
        raise HTTPException(403, "mã chống giả mạo (CSRF) không khớp")
    return form


def plan_of(request: Request) -> catalog.PlanRef:
    return catalog.find(request.app.state.settings, request.path_params["plan"])


# ---------------------------------------------------------------- the plan list


async def index(request: Request) -> Response:
    settings = request.app.state.settings
    refs = catalog.plans(settings)
    summaries = await run_in_threadpool(lambda: [catalog.summary(settings, ref) for ref in refs])
    return page(request, "plans.html", {"title": "Các kế hoạch", "plans": summaries})


# ---------------------------------------------------------------- the plan editor


async def edit(request: Request) -> Response:
    ref = plan_of(request)
    if request.method == "GET":
        state = await run_in_threadpool(editor.open_editor, ref.path)
        return _editor_page(request, ref, state)
    form = await read_form(request)
    typed = planform.from_input(form)
    op = str(form.get("op") or "")
    if op:
        changed = (row_operation(typed.tasks, op, "tasks", planform.blank_task)
                   or row_operation(typed.targets, op, "targets", planform.blank_target))
        if not changed:
            raise HTTPException(400)
        state = await run_in_threadpool(editor.refresh, ref.path, typed)
        state.digest = str(form.get("digest") or "")
        return _editor_page(request, ref, state)
    state = await run_in_threadpool(editor.save, ref.path, typed, str(form.get("digest") or ""))
    return _editor_page(request, ref, state, 200 if state.saved else 422)


def _editor_page(request: Request, ref: catalog.PlanRef, state: editor.Editor, status: int = 200) -> Response:
    return page(request, "editor.html", {
        "title": f"Sửa kế hoạch {ref.key}", "plan": ref, "state": state, "f": planform,
        "problems": state.problems}, status)


# ---------------------------------------------------------------- files


async def download(request: Request) -> Response:
    ref = plan_of(request)
    path = catalog.output_file(request.app.state.settings, ref, request.path_params["name"])
    return FileResponse(path, media_type=catalog.DOWNLOADS[path.suffix.lower()], filename=path.name,
                        content_disposition_type="attachment")


async def preview_image(request: Request) -> Response:
    """A page image drawn by the last build (``<out>/<plan>/.xem-truoc/quyet-dinh-trang-01.png``)."""
    ref = plan_of(request)
    name = request.path_params["name"]
    settings = request.app.state.settings
    relative = f"{ref.out_dir}/{PREVIEWS}/{name}"
    path = settings.out_root / relative
    if "/" in name or not name.lower().endswith(".png") or not confine.inside(settings.out_root, relative) \
            or not path.is_file():
        raise catalog.NotFound(f"không có ảnh trang '{name}'")
    return FileResponse(path, media_type="image/png")


# ---------------------------------------------------------------- password


async def login(request: Request) -> Response:
    settings = request.app.state.settings
    target = _safe_next(request.query_params.get("next"))
    if not settings.guarded:
        return RedirectResponse(target, 303)
    if request.method == "GET":
        return page(request, "login.html", {"title": "Đăng nhập", "next": target, "wrong": False})
    form = await read_form(request)
    password = str(form.get("password") or "")
    ok = await run_in_threadpool(config.check_password, password, settings.password_hash)
    if not ok:
        await asyncio.sleep(1)  # a guess a second, at most
        return page(request, "login.html", {"title": "Đăng nhập", "next": target, "wrong": True}, 401)
    request.session.clear()
    request.session["user"] = True
    csrf_token(request)
    return RedirectResponse(target, 303)


async def logout(request: Request) -> Response:
    await read_form(request)
    request.session.clear()
    return RedirectResponse(request.url_for("login").path, 303)


def _safe_next(value: str | None) -> str:
    """Only a path of this application: never another site (an open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or urlsplit(value).netloc:
        return "/"
    return value


ROUTES = [
    Route("/", index, name="index"),
    Route("/ke-hoach/{plan:path}/sua", edit, methods=["GET", "POST"], name="edit"),
    Route("/tep/{plan:path}/anh/{name}", preview_image, name="preview"),
    Route("/tep/{plan:path}/{name}", download, name="download"),
    Route("/dang-nhap", login, methods=["GET", "POST"], name="login"),
    Route("/dang-xuat", logout, methods=["POST"], name="logout"),
]
