"""On a network: a password (stored as a salted hash), sessions, CSRF tokens on every POST, an upload limit."""

from __future__ import annotations

import pytest

from cchc_docs.web import config
from web.conftest import PLAN, make_site

POSTS = [f"/ke-hoach/{PLAN}/sua", f"/ke-hoach/{PLAN}/tao", f"/ke-hoach/{PLAN}/so-lieu/2025-Q3",
         f"/ke-hoach/{PLAN}/so-lieu/2025-Q3/nhap-phieu", f"/ke-hoach/{PLAN}/so-lieu/2025-Q3/lap-phieu",
         f"/ke-hoach/{PLAN}/so-lieu/2025-Q3/bao-cao", f"/ke-hoach/{PLAN}/sua-doi", "/dang-xuat"]


@pytest.mark.parametrize("address", POSTS)
def test_every_post_without_the_sessions_csrf_token_is_refused(site, address):
    before = site.plan_file.read_bytes()
    site.client.get("/")  # a session exists, with its token
    answer = site.client.post(address, data={"csrf": "doan-bua", "op": "save"})
    assert answer.status_code == 403
    assert site.plan_file.read_bytes() == before
    assert not (site.out / PLAN).exists()


def test_the_password_is_stored_as_a_salted_hash_and_checked():
    stored = config.hash_password("mật khẩu dài")
    assert "mật khẩu" not in stored and stored.startswith("scrypt$")
    assert config.hash_password("mật khẩu dài") != stored  # a new salt each time
    assert config.check_password("mật khẩu dài", stored)
    assert not config.check_password("mật khẩu sai", stored)


def test_a_network_address_without_a_password_is_refused(tmp_path):
    with pytest.raises(config.ConfigError, match="cần đặt mật khẩu"):
        config.settings_for(tmp_path, tmp_path / "out", tmp_path, "0.0.0.0", tmp_path / "web.toml")
    config.write_password_hash(tmp_path / "web.toml", "mật khẩu dài")
    settings = config.settings_for(tmp_path, tmp_path / "out", tmp_path, "0.0.0.0", tmp_path / "web.toml")
    assert settings.guarded and config.check_password("mật khẩu dài", settings.password_hash)
    assert not config.settings_for(tmp_path, tmp_path / "out", tmp_path, "127.0.0.1", tmp_path / "web.toml").guarded


def test_a_short_password_is_refused(tmp_path):
    with pytest.raises(config.ConfigError, match="quá ngắn"):
        config.write_password_hash(tmp_path / "web.toml", "ngắn")


@pytest.fixture
def guarded(tmp_path):
    made = make_site(tmp_path, password_hash=config.hash_password("mật khẩu dài"))
    with made.client:
        yield made


def test_with_a_password_nothing_is_shown_before_logging_in(guarded):
    answer = guarded.client.get(f"/ke-hoach/{PLAN}/sua", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/dang-nhap")
    assert guarded.client.get(f"/tep/{PLAN}/quyet-dinh.docx", follow_redirects=False).status_code == 303


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_page(guarded):
    page = guarded.client.get("/dang-nhap?next=/ke-hoach/thuong-hong-2025-h2/sua")
    token = guarded.csrf(page.text)
    wrong = guarded.client.post("/dang-nhap?next=/", data={"csrf": token, "password": "đoán bừa"})
    assert wrong.status_code == 401 and "Mật khẩu không đúng" in wrong.text
    right = guarded.client.post(f"/dang-nhap?next=/ke-hoach/{PLAN}/sua",
                                data={"csrf": token, "password": "mật khẩu dài"}, follow_redirects=False)
    assert right.status_code == 303 and right.headers["location"] == f"/ke-hoach/{PLAN}/sua"
    assert guarded.client.get(f"/ke-hoach/{PLAN}/sua").status_code == 200
    out = guarded.client.post("/dang-xuat", data={"csrf": guarded.csrf(guarded.client.get("/").text)},
                              follow_redirects=False)
    assert out.status_code == 303
    assert guarded.client.get("/", follow_redirects=False).status_code == 303


def test_logging_in_never_sends_the_browser_to_another_site(guarded):
    token = guarded.csrf(guarded.client.get("/dang-nhap").text)
    answer = guarded.client.post("/dang-nhap?next=//ke-xau.example/", data={"csrf": token, "password": "mật khẩu dài"},
                                 follow_redirects=False)
    assert answer.headers["location"] == "/"


def test_an_upload_over_the_limit_is_refused_with_a_vietnamese_page(tmp_path):
    made = make_site(tmp_path, max_upload=1024)
    with made.client:
        token = made.csrf(made.client.get(f"/ke-hoach/{PLAN}/so-lieu/2025-Q4").text)
        answer = made.client.post(f"/ke-hoach/{PLAN}/so-lieu/2025-Q4/nhap-phieu", data={"csrf": token},
                                  files={"workbooks": ("phieu.xlsx", b"x" * 5000)})
    assert answer.status_code == 413
    assert "Tệp gửi lên quá lớn" in answer.text
