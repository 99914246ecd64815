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
from cchc_docs.office import Failure, Office, Settings


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
