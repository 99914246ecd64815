"""``cchc-docs serve``: what it refuses before a server starts (the server itself: tests/web)."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from cchc_docs.cli import app as cli
from cchc_docs.web import config


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli.main, list(args), prog_name="cchc-docs", input=stdin)


def test_serve_on_the_network_without_a_password_is_refused(tmp_path):
    result = run("serve", str(tmp_path), "--host", "0.0.0.0", "--config", str(tmp_path / "web.toml"))
    assert result.exit_code == 1
    assert "cần đặt mật khẩu trước (cchc-docs serve --set-password" in result.stderr


def test_set_password_stores_only_a_salted_hash(tmp_path):
    stored = tmp_path / "cau-hinh" / "web.toml"
    result = run("serve", str(tmp_path / "khong-co"), "--set-password", "--config", str(stored),
                 stdin="mật khẩu dài\nmật khẩu dài\n")
    assert "đã lưu mã băm mật khẩu" in result.stdout
    assert result.exit_code == 1 and "không phải thư mục dữ liệu" in result.stderr  # the data folder, after
    text = stored.read_text(encoding="utf-8")
    assert "mật khẩu dài" not in text
    assert config.check_password("mật khẩu dài", config.read_password_hash(stored))


def test_a_port_in_use_is_said_in_vietnamese(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", str(tmp_path), "--port", str(port), "--no-browser",
                     "--config", str(tmp_path / "web.toml"))
    assert result.exit_code == 1
    assert f"cổng {port} đang được chương trình khác dùng; chọn cổng khác bằng --port" in result.stderr
