"""``cchc-docs serve``: the local web page for clerks (the application itself is :mod:`cchc_docs.web`)."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_docs.cli.common import COUNT, FOLDER, OUT_OPTION, TEMPLATES_OPTION, Command
from cchc_docs.errors import CchcError

CONFIG = "TỆP-CẤU-HÌNH"


class PortError(CchcError):
    """The address or port cannot be listened on."""


@click.command(cls=Command)
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("data"), metavar=FOLDER,
                required=False)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, metavar=COUNT,
              help="Cổng của trang web.")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ĐỊA-CHỈ",
              help="Địa chỉ nghe. Mặc định chỉ máy này mở được; 0.0.0.0 cho các máy trong mạng (cần mật khẩu).")
@OUT_OPTION
@TEMPLATES_OPTION
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), metavar=CONFIG,
              help="Tệp cấu hình chứa mã băm mật khẩu (mặc định: web.toml trong thư mục cấu hình của người dùng).")
@click.option("--set-password", "set_password", is_flag=True,
              help="Hỏi và lưu mật khẩu mới (chỉ lưu mã băm) trước khi chạy.")
@click.option("--no-browser", "no_browser", is_flag=True, help="Không tự mở trình duyệt.")
def serve(data_dir: Path, port: int, host: str, out: Path, templates: Path | None, config: Path | None,
          set_password: bool, no_browser: bool) -> None:
    """Mở trang web để văn thư sửa kế hoạch, nhập số liệu và tạo văn bản mà không cần viết YAML.

    THƯ-MỤC là thư mục dữ liệu chứa các tệp kế hoạch (mặc định: data). Văn bản được tạo vào
    thư mục kết quả như lệnh build. Dừng bằng Ctrl+C.
    """
    import threading

    import uvicorn

    from cchc_docs.pipeline.options import default_templates
    from cchc_docs.web import config as web_config
    from cchc_docs.web.app import create_app

    config_path = config or web_config.default_config_path()
    if set_password:
        password = click.prompt("Mật khẩu mới", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")
        web_config.write_password_hash(config_path, password)
        click.echo(f"đã lưu mã băm mật khẩu vào {config_path}")
    settings = web_config.settings_for(data_dir, out, templates or default_templates(), host, config_path)
    _check_port(host, port)
    app = create_app(settings, local=web_config.is_loopback(host))
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    click.echo(f"Trang web cchc-docs: {url} (thư mục dữ liệu {settings.data_dir}; kết quả {settings.out_root}). "
               "Nhấn Ctrl+C để dừng.")
    if not no_browser:
        threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
    server.run()


def _check_port(host: str, port: int) -> None:
    """Say in Vietnamese what uvicorn would say in English: the port is taken, or the address is not ours."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise PortError(f"cổng {port} đang được chương trình khác dùng; chọn cổng khác bằng --port") from e
            raise PortError(f"không nghe được ở địa chỉ {host}:{port} ({e.strerror})") from e


def _open_when_ready(server, url: str) -> None:
    import time
    import webbrowser

    for _ in range(200):
        if server.started:
            webbrowser.open(url)
            return
        time.sleep(0.05)
