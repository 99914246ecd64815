"""The web application under test: the sample data copied to a temporary folder, and a browser-like client.

``Site.form(html, form_id)`` reads a form out of a page and sends it back the way a
browser would (text inputs, the checked boxes, the selected options, the textareas), so
the HTTP tests submit exactly what the page offers, with one or two values changed.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT, TEMPLATES
from starlette.testclient import TestClient

from cchc_docs.web.app import create_app
from cchc_docs.web.config import Settings

PLAN = "thuong-hong-2025-h2"


class _Forms(HTMLParser):
    """Every form of a page as the (name, value) pairs a browser submits."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: dict[str, dict] = {}
        self._form: dict | None = None
        self._select: list | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = self.forms.setdefault(a.get("id") or f"form{len(self.forms)}",
                                               {"action": a.get("action"), "fields": []})
        elif self._form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self._form["fields"].append([a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")])
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], None, None]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in a:
                self._select[2] = value
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            name, first, chosen = self._select
            self._form["fields"].append([name, chosen if chosen is not None else first or ""])
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = self._textarea[1][1:] if self._textarea[1].startswith("\n") else self._textarea[1]
            self._form["fields"].append([self._textarea[0], text])
            self._textarea = None
        elif tag == "form":
            self._form = None


@dataclass
class Form:
    action: str
    fields: list[list[str]]

    def set(self, name: str, value: str) -> Form:
        matches = [f for f in self.fields if f[0] == name]
        assert matches, f"no field {name}"
        matches[0][1] = value
        return self

    def get(self, name: str) -> str:
        return next(value for key, value in self.fields if key == name)

    def pairs(self, **extra) -> list[tuple[str, str]]:
        return [tuple(f) for f in self.fields] + list(extra.items())


@dataclass
class Site:
    client: TestClient
    data: Path
    out: Path

    @property
    def plan_file(self) -> Path:
        return self.data / f"{PLAN}.yaml"

    def form(self, html: str, form_id: str) -> Form:
        parser = _Forms()
        parser.feed(html)
        found = parser.forms[form_id]
        return Form(found["action"], found["fields"])

    def csrf(self, html: str) -> str:
        return re.search(r'name="csrf" value="([^"]+)"', html)[1]

    def submit(self, form: Form, **extra):
        return self.client.post(form.action, data=_multi(form.pairs(**extra)))


def _multi(pairs: list[tuple[str, str]]) -> dict:
    data: dict[str, list[str]] = {}
    for key, value in pairs:
        data.setdefault(key, []).append(value)
    return data


def make_site(tmp_path: Path, **settings) -> Site:
    data, out = tmp_path / "data", tmp_path / "out"
    # The sample plan and its status files only: the pages under test are about that plan.
    shutil.copytree(ROOT / "data" / PLAN, data / PLAN)
    shutil.copy(ROOT / "data" / f"{PLAN}.yaml", data)
    app = create_app(Settings(data.resolve(), out.resolve(), TEMPLATES, **settings), pdf=False)
    return Site(TestClient(app, raise_server_exceptions=False), data, out)


@pytest.fixture
def site(tmp_path):
    made = make_site(tmp_path)
    with made.client:
        yield made
