"""How the web application runs: its folders, its address, and the password that guards it on a network.

On 127.0.0.1 only the person at the machine can reach the page. Listening on a network
address (``--host 0.0.0.0``) needs a password; only a salted scrypt hash of it is kept,
in a small TOML file outside the data folder (``~/.config/cchc-docs/web.toml``, or
``%APPDATA%\\cchc-docs\\web.toml`` on Windows). Nothing in the web application writes that
file: ``cchc-docs serve --set-password`` does, at the command line.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
import secrets
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from cchc_docs.errors import CchcError, SourceError
from cchc_docs.write import write_atomic

# scrypt cost (RFC 7914's interactive setting): about 16 MB and a few hundredths of a second per check.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # a unit's workbook is about 30 KB; a dozen of them fit many times over
MIN_PASSWORD = 8


class ConfigError(CchcError):
    """The web configuration is missing or cannot be read (a network address without a password)."""


@dataclass(frozen=True)
class Settings:
    """Everything the application needs to know, fixed when it starts."""

    data_dir: Path  # resolved: every plan and status file lies under it
    out_root: Path  # resolved: every document built goes under it
    templates: Path  # the Word templates (never served, never written)
    password_hash: str | None = None  # required when the address is not loopback
    max_upload: int = MAX_UPLOAD_BYTES
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))  # signs the session cookie

    @property
    def guarded(self) -> bool:
        """Whether a password is asked before anything is shown."""
        return self.password_hash is not None


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1 and ``localhost`` reach only this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_config_path() -> Path:
    """``web.toml`` in the user's configuration folder."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "cchc-docs" / "web.toml"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "cchc-docs" / "web.toml"


def read_password_hash(path: Path) -> str | None:
    """The password hash stored in ``path``, or None when the file (or the key) is absent."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: không đọc được tệp cấu hình ({e})") from e
    value = data.get("web", {}).get("password")
    if value is not None and not _well_formed(value):
        raise ConfigError(f"{path}: web.password không phải mã băm do cchc-docs tạo; "
                          "đặt lại bằng cchc-docs serve --set-password")
    return value


def write_password_hash(path: Path, password: str) -> None:
    """Store the hash of ``password`` in ``path`` (the only thing the file holds)."""
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"mật khẩu quá ngắn (cần ít nhất {MIN_PASSWORD} ký tự)")
    text = ("# Mật khẩu của trang web cchc-docs (chỉ lưu mã băm scrypt có muối, không lưu mật khẩu).\n"
            f'[web]\npassword = "{hash_password(password)}"\n')
    write_atomic(path, text.encode("utf-8"))


def hash_password(password: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64): what the configuration file stores."""
    salt = salt or secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)])


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the stored hash (compared in constant time)."""
    if not _well_formed(stored):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(got, base64.b64decode(digest))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _well_formed(value: object) -> bool:
    parts = value.split("$") if isinstance(value, str) else []
    return len(parts) == 6 and parts[0] == "scrypt" and all(p.isdigit() for p in parts[1:4])


def settings_for(data_dir: Path, out_root: Path, templates: Path, host: str, config: Path) -> Settings:
    """The settings to run with; a network address without a stored password is refused."""
    if not data_dir.is_dir():
        raise SourceError(f"{data_dir}: không phải thư mục dữ liệu (cần thư mục chứa các tệp kế hoạch .yaml)")
    password = read_password_hash(config)
    if not is_loopback(host) and password is None:
        raise ConfigError(
            f"địa chỉ {host} cho máy khác truy cập trang web: cần đặt mật khẩu trước "
            f"(cchc-docs serve --set-password; mã băm được lưu ở {config})")
    return Settings(data_dir.resolve(), out_root.resolve(), templates, password if not is_loopback(host) else None)
