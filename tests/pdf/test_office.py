"""The LibreOffice batch driver, against a fake soffice that hangs and crashes on request.

Fast and deterministic: no LibreOffice is started here (tests/test_pdf_convert.py
kills a real one).
"""

from __future__ import annotations

import os
import time

import pytest
from pdf_support import fake_pdf, fake_soffice, read_log

from cchc_docs.errors import ToolMissingError
from cchc_docs.pdf.office import Failure, Office, Settings, install_paths, kill_tree_command, locate_soffice


@pytest.fixture
def soffice(tmp_path, monkeypatch):
    """The fake soffice, logging every run to ``tmp_path/runs.jsonl``."""
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(tmp_path / "runs.jsonl"))
    return fake_soffice(tmp_path)


def runs(tmp_path) -> list[dict]:
    return read_log(tmp_path / "runs.jsonl")


def quick(**overrides) -> Settings:
    """Short timeouts: the fake answers in milliseconds."""
    return Settings(**{"timeout": 0.5, "startup_timeout": 2.0, **overrides})


def test_converts_every_document_in_order_with_one_start(soffice, tmp_path):
    pool = Office(quick(), soffice)
    results = pool.convert([f"văn bản {i}".encode() for i in range(5)])
    assert results == [fake_pdf(f"văn bản {i}") for i in range(5)]
    assert pool.starts == 1 and pool.abnormal_ends == 0


def test_empty_batch_starts_nothing(soffice):
    pool = Office(quick(), soffice)
    assert pool.convert([]) == []
    assert pool.starts == 0


def test_instance_is_restarted_every_max_docs_documents(soffice, tmp_path):
    pool = Office(quick(max_docs=2), soffice)
    results = pool.convert([b"a", b"b", b"c", b"d", b"e"])
    assert results == [fake_pdf(t) for t in "abcde"]
    assert [len(run["inputs"]) for run in runs(tmp_path)] == [2, 2, 1]


def test_parallel_instances_share_the_batch_with_private_profiles_and_temp_folders(soffice, tmp_path):
    pool = Office(quick(jobs=2), soffice)
    results = pool.convert([str(i).encode() for i in range(6)])
    assert results == [fake_pdf(str(i)) for i in range(6)]
    logged = runs(tmp_path)
    assert sorted(len(run["inputs"]) for run in logged) == [3, 3]
    assert len({run["profile"] for run in logged}) == 2
    assert len({run["tmpdir"] for run in logged}) == 2


def test_a_document_libreoffice_cannot_open_fails_alone(soffice):
    results = Office(quick(), soffice).convert([b"a", b"BAD", b"c"])
    assert results[0] == fake_pdf("a") and results[2] == fake_pdf("c")
    assert isinstance(results[1], Failure) and "không mở" in results[1].message


def test_a_transient_crash_is_survived_and_the_batch_completes(soffice, tmp_path):
    marker = tmp_path / "crashed-once"
    documents = [b"a", b"b", f"CRASH-ONCE {marker}".encode(), b"d", b"e"]
    pool = Office(quick(), soffice)
    results = pool.convert(documents)
    assert all(isinstance(r, bytes) for r in results)
    assert results[0] == fake_pdf("a") and results[4] == fake_pdf("e")
    assert pool.abnormal_ends == 1 and pool.starts > 1


def test_a_document_that_always_crashes_is_reported_and_the_others_convert(soffice):
    pool = Office(quick(), soffice)
    results = pool.convert([b"a", b"CRASH", b"c", b"d"])
    assert [r for i, r in enumerate(results) if i != 1] == [fake_pdf("a"), fake_pdf("c"), fake_pdf("d")]
    assert isinstance(results[1], Failure)
    assert results[1].message == "LibreOffice dừng bất thường khi chuyển tệp này (2 lần)"


@pytest.mark.parametrize("hang", [b"HANG-LOAD", b"HANG-STORE"])
def test_a_hanging_document_times_out_and_the_others_convert(soffice, tmp_path, hang):
    pool = Office(quick(timeout=0.3, startup_timeout=2.0), soffice)
    results = pool.convert([b"a", hang, b"c"])
    assert results[0] == fake_pdf("a") and results[2] == fake_pdf("c")
    assert isinstance(results[1], Failure) and "treo quá 0.3 giây" in results[1].message
    for run in runs(tmp_path):  # every hung process was killed, not left behind
        with pytest.raises(ProcessLookupError):
            os.kill(run["pid"], 0)


def test_an_error_in_one_worker_stops_the_other_instances_at_once(soffice, tmp_path):
    def fail_on_b(progress):
        if progress.index == 1:
            raise RuntimeError("dừng")

    pool = Office(quick(jobs=2, timeout=30), soffice, on_progress=fail_on_b)
    start = time.monotonic()
    with pytest.raises(RuntimeError):
        pool.convert([b"a", b"b", b"HANG-STORE", b"d"])  # the second instance hangs on its first
    assert time.monotonic() - start < 15  # not the 30 s timeout: the hang was killed
    for run in runs(tmp_path):
        with pytest.raises(ProcessLookupError):
            os.kill(run["pid"], 0)


def test_a_progress_callback_sees_each_document_taken_in_hand(soffice):
    seen = []
    Office(quick(), soffice, on_progress=lambda p: seen.append(p.index)).convert([b"a", b"b", b"c"])
    assert seen == [0, 1, 2]


def test_missing_libreoffice_says_how_to_install_it(tmp_path):
    with pytest.raises(ToolMissingError) as caught:
        Office(quick(), tmp_path / "khong-co" / "soffice")
    message = str(caught.value)
    assert "\n" not in message
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in message


def test_missing_libreoffice_via_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "khong-co"))
    with pytest.raises(ToolMissingError, match="LibreOffice"):
        Office(quick())


def test_a_soffice_that_cannot_run_is_reported_not_crashed_on(tmp_path):
    broken = tmp_path / "soffice"
    broken.write_text("#!/khong/co/trinh-thong-dich\n")
    broken.chmod(0o755)
    with pytest.raises(ToolMissingError, match="Không chạy được LibreOffice"):
        Office(quick(), broken).convert([b"a"])


# --- finding LibreOffice on Windows, macOS and Linux (pure: no such machine needed) -----------------

WINDOWS_ENV = {"ProgramFiles": r"D:\Apps", "ProgramFiles(x86)": r"D:\Apps (x86)",
               "LOCALAPPDATA": r"D:\Users\van-thu\AppData\Local"}


def locate(platform: str, environ: dict, files=(), on_path=None, explicit=None) -> str:
    """locate_soffice with a fake file system (``files``) and PATH (name → path)."""
    return locate_soffice(explicit, platform, environ, set(files).__contains__, (on_path or {}).get)


def missing(platform: str, environ: dict, **kwargs) -> str:
    with pytest.raises(ToolMissingError) as caught:
        locate(platform, environ, **kwargs)
    return str(caught.value)


def test_windows_finds_libreoffice_under_program_files_from_the_environment():
    program = r"D:\Apps\LibreOffice\program\soffice.exe"
    assert locate("win32", WINDOWS_ENV, files=[program]) == program


def test_windows_finds_a_32_bit_libreoffice_under_program_files_x86():
    program = r"D:\Apps (x86)\LibreOffice\program\soffice.exe"
    assert locate("win32", WINDOWS_ENV, files=[program]) == program


def test_windows_finds_an_install_for_the_current_user_only_under_localappdata():
    program = r"D:\Users\van-thu\AppData\Local\Programs\LibreOffice\program\soffice.exe"
    assert locate("win32", WINDOWS_ENV, files=[program]) == program


def test_windows_reads_environment_names_in_any_case():
    program = r"E:\PF\LibreOffice\program\soffice.exe"
    assert locate("win32", {"PROGRAMFILES": r"E:\PF"}, files=[program]) == program


def test_windows_without_program_files_variables_guesses_no_drive():
    assert install_paths("win32", {}) == []
    message = missing("win32", {})
    assert "C:" not in message
    assert r"Program Files\LibreOffice" in message


def test_windows_looks_for_soffice_exe_on_path_first():
    asked = []

    def which(name):
        asked.append(name)
        return r"D:\LO\program\soffice.exe" if name == "soffice.exe" else None

    assert locate_soffice(None, "win32", WINDOWS_ENV, lambda path: False, which) == r"D:\LO\program\soffice.exe"
    assert asked == ["soffice.exe"]


def test_path_comes_before_the_install_folders():
    found = locate("linux", {}, files=["/usr/lib/libreoffice/program/soffice"],
                   on_path={"libreoffice": "/usr/local/bin/libreoffice"})
    assert found == "/usr/local/bin/libreoffice"


def test_linux_falls_back_to_the_usual_install_folders():
    assert locate("linux", {}, files=["/opt/libreoffice/program/soffice"]) == "/opt/libreoffice/program/soffice"


def test_macos_finds_the_application_bundle():
    program = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    assert locate("darwin", {"HOME": "/Users/vanthu"}, files=[program]) == program


def test_macos_finds_the_bundle_in_the_users_own_applications_folder():
    program = "/Users/vanthu/Applications/LibreOffice.app/Contents/MacOS/soffice"
    assert locate("darwin", {"HOME": "/Users/vanthu"}, files=[program]) == program


def test_the_environment_variable_may_name_the_libreoffice_folder():
    environ = {**WINDOWS_ENV, "CCHC_SOFFICE": r"F:\Portable\LibreOffice"}
    program = r"F:\Portable\LibreOffice\program\soffice.exe"
    assert locate("win32", environ, files=[program]) == program


def test_an_explicit_program_wins_over_the_environment_variable_and_the_install_folders():
    environ = {**WINDOWS_ENV, "CCHC_SOFFICE": r"F:\other\soffice.exe"}
    files = [r"F:\mine\soffice.exe", r"F:\other\soffice.exe", r"D:\Apps\LibreOffice\program\soffice.exe"]
    assert locate("win32", environ, files=files, explicit=r"F:\mine\soffice.exe") == r"F:\mine\soffice.exe"


def test_a_wrong_explicit_path_is_reported_not_replaced_by_another_libreoffice():
    environ = {**WINDOWS_ENV, "CCHC_SOFFICE": r"F:\khong-co\soffice.exe"}
    message = missing("win32", environ, files=[r"D:\Apps\LibreOffice\program\soffice.exe"])
    assert message.startswith(r"Không tìm thấy LibreOffice tại F:\khong-co\soffice.exe (CCHC_SOFFICE)")


def test_missing_on_windows_says_where_to_download_and_how_to_point_at_it():
    message = missing("win32", WINDOWS_ENV)
    assert "\n" not in message
    assert message.startswith("Không tìm thấy LibreOffice")
    assert "https://www.libreoffice.org/download/" in message
    assert r"(D:\Apps\LibreOffice)" in message
    assert "CCHC_SOFFICE" in message
    assert "soffice.exe" in message
    assert "apt-get" not in message


def test_missing_on_macos_says_to_install_the_application():
    message = missing("darwin", {"HOME": "/Users/vanthu"})
    assert "https://www.libreoffice.org/download/" in message
    assert "Applications" in message
    assert "apt-get" not in message


def test_missing_on_linux_ends_with_the_apt_get_line():
    assert missing("linux", {}).endswith("cài bằng: apt-get install libreoffice-writer-nogui fonts-liberation2")


def test_windows_ends_the_whole_libreoffice_process_tree():
    assert kill_tree_command(4242) == ["taskkill", "/F", "/T", "/PID", "4242"]
