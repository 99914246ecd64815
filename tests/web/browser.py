"""A real server and a real browser for tests/web: uvicorn in a subprocess, Debian's Chromium through chromedriver.

Nothing is downloaded: Selenium is given chromedriver's path, so Selenium Manager never
runs, and Chromium starts with every background download switched off and a fresh
profile. Pages are looked at at 1366×768, a common office laptop.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CCHC_CHROMEDRIVER", "/usr/bin/chromedriver")
WIDTH, HEIGHT = 1366, 768

needs_browser = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()) and not os.environ.get("CI"),
    reason="cần Chromium và chromedriver (apt-get install chromium chromium-driver)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``cchc-docs serve`` on a free port, started and stopped by its PID."""

    def __init__(self, data: Path, out: Path, cwd: Path):
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = cwd / "server.log"
        command = [sys.executable, "-m", "cchc_docs.cli", "serve", str(data), "--out", str(out),
                   "--port", str(self.port), "--no-browser", "--config", str(cwd / "khong-co.toml")]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self) -> None:
        for _ in range(300):
            if self.process.poll() is not None:
                raise RuntimeError(f"máy chủ dừng: {self.log.read_text(encoding='utf-8', errors='replace')}")
            try:
                with urllib.request.urlopen(self.url + "/static/app.css", timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("máy chủ không trả lời sau 30 giây")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def chromium(profile: Path, downloads: Path):
    """Headless Chromium at 1366×768 that saves downloads into ``downloads`` without asking."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                     f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", "--lang=vi"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER, log_output=str(profile / "chromedriver.log")),
                              options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


def screenshot(driver, folder: Path, name: str) -> Path:
    """The page as the clerk sees it, kept for a person to look at (``CCHC_SCREENSHOTS`` to keep them)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def screenshots_folder(tmp_path: Path) -> Path:
    kept = os.environ.get("CCHC_SCREENSHOTS")
    return Path(kept) if kept else tmp_path / "anh-man-hinh"


def wait_for_file(folder: Path, suffix: str, timeout: float = 30) -> Path:
    for _ in range(int(timeout * 10)):
        done = [p for p in folder.glob(f"*{suffix}") if p.stat().st_size > 0]
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"không tải được tệp {suffix} về {folder}: {os.listdir(folder)}")


def copy_data(source: Path, target: Path, plan: str) -> Path:
    """``target`` holding one plan of ``source`` and its status files: the clerk opens the first plan listed."""
    shutil.copytree(source / plan, target / plan)
    shutil.copy(source / f"{plan}.yaml", target)
    return target
