"""The web application: routes, the guards every request passes, and the one place errors become pages.

Order of the guards, outermost first: the body size limit (uploads), the host check
(on 127.0.0.1 only the names of this machine are answered, so a web page elsewhere
cannot reach the application by DNS rebinding), the session cookie, the password (when
the application listens on a network), then security headers on every answer. Every
POST carries the session's CSRF token (:func:`cchc_docs.web.pages.read_form`).

Errors: a :class:`CchcError` is the user's to fix and is shown as a Vietnamese page with
its message, as the command line prints it; anything else is a bug and is shown as one,
without a traceback (one handler for each, like the command line's).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from cchc_docs.errors import CchcError
from cchc_docs.web import amendpages, buildpages, pages, statuspages
from cchc_docs.web.config import Settings
from cchc_docs.web.jobs import Jobs

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1", "testserver"]
OPEN_PATHS = ("/dang-nhap", "/static/")
HTTP_VI = {
    404: "Không tìm thấy trang này.",
    405: "Trang này không nhận cách gửi đó.",
    413: "Tệp gửi lên quá lớn.",
    400: "Yêu cầu không hợp lệ.",
}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def create_app(settings: Settings, pdf: bool = True, local: bool = True) -> Starlette:
    """The application for ``settings``; ``pdf`` False skips LibreOffice (tests), ``local`` guards the host name."""
    routes = [*pages.ROUTES, *buildpages.ROUTES, *statuspages.ROUTES, *amendpages.ROUTES,
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    middleware = [
        *([Middleware(TrustedHostMiddleware, allowed_hosts=LOCAL_HOSTS)] if local else []),
        Middleware(SessionMiddleware, secret_key=settings.secret, session_cookie="cchc_phien", same_site="strict",
                   https_only=False, max_age=12 * 3600),
        Middleware(Guard),
    ]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={CchcError: _user_error, HTTPException: _http_error, Exception: _bug},
                    lifespan=_lifespan)
    app.state.settings = settings
    app.state.jobs = Jobs(settings, pdf=pdf)
    app.state.templates = _templates()
    return app


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette):
    yield
    app.state.jobs.shutdown()


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = _when
    return Jinja2Templates(env=env)


def _when(moment: dt.datetime | None) -> str:
    """``lúc 14:05 ngày 20/8/2025``; never built: ``chưa tạo``."""
    if moment is None:
        return "chưa tạo"
    return f"{moment:%H:%M} ngày {moment.day:02d}/{moment.month}/{moment.year}"


class Guard:
    """The password (on a network), then the security headers of every answer (plain ASGI: uploads stream through)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        request = Request(scope)
        settings: Settings = request.app.state.settings
        path = request.url.path
        length = request.headers.get("content-length") or "0"
        if not length.isdigit() or int(length) > settings.max_upload:
            await _http_error(request, HTTPException(413))(scope, receive, with_headers)
            return
        if settings.guarded and not request.session.get("user") and not path.startswith(OPEN_PATHS):
            login = f"{request.url_for('login').path}?{urlencode({'next': path})}"
            await RedirectResponse(login, 303)(scope, receive, with_headers)
            return
        await self.app(scope, _limited(receive, settings.max_upload), with_headers)


def _limited(receive, limit: int):
    """``receive`` that stops a body sent without a length once it passes ``limit`` bytes."""
    total = 0

    async def counted():
        nonlocal total
        message = await receive()
        total += len(message.get("body", b""))
        if total > limit:
            raise HTTPException(413)
        return message

    return counted


def _user_error(request: Request, exc: CchcError) -> Response:
    code = getattr(exc, "status_code", 400)
    title = "Không tìm thấy" if code == 404 else "Không thực hiện được"
    return pages.page(request, "error.html", {"title": title, "lines": str(exc).splitlines()}, code)


def _http_error(request: Request, exc: HTTPException) -> Response:
    text = HTTP_VI.get(exc.status_code, "Yêu cầu không thực hiện được.")
    if exc.status_code == 413:
        text += f" Tối đa {request.app.state.settings.max_upload // 2**20} MB mỗi lần gửi."
    return pages.page(request, "error.html", {"title": text, "lines": []}, exc.status_code)


def _bug(request: Request, exc: Exception) -> Response:
    lines = ["Đây là lỗi của chương trình, không phải của dữ liệu. Dữ liệu của bạn không bị thay đổi.",
             f"Hãy báo cho nhóm phát triển: trang {request.url.path}, lỗi {type(exc).__name__}."]
    return pages.page(request, "error.html", {"title": "Lỗi nội bộ của cchc-docs", "lines": lines}, 500)
