"""DOCX → PDF: the samples convert intact; incremental, atomic, safe when LibreOffice misbehaves.

The LibreOffice tests share one batch (module fixture); the rules about staleness,
stamps and failures run against the fake soffice of pdf_support, in milliseconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, SAMPLE, TODAY, open_docx, texts
from pdf_support import build_sample, fake_pdf, fake_soffice, require_office

from cchc_docs.cli import app as cli
from cchc_docs.errors import ConversionError, OutputError, ToolMissingError
from cchc_docs.pdf import convert, fonts, layout_check, poppler
from cchc_docs.pdf.office import Office, Progress, Settings

INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"


# --- the samples through LibreOffice ---------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory) -> list[Path]:
    """The sample plan built once: the decision first, then its reports."""
    return build_sample(tmp_path_factory.mktemp("pdf-convert"))


@pytest.fixture(scope="module")
def converted(sample_docx) -> convert.Batch:
    require_office()
    return convert.convert(sample_docx, options=convert.Options(jobs=2))


@pytest.mark.libreoffice
def test_the_sample_decision_and_its_reports_convert_with_no_findings(converted, sample_docx):
    assert [r.status for r in converted.results] == ["converted"] * len(sample_docx)
    assert len(sample_docx) >= 2, "the sample build makes a decision and a report"
    assert converted.warnings == []
    assert {str(f) for r in converted.results for f in r.findings} == set()


@pytest.mark.libreoffice
def test_each_pdf_stands_beside_its_docx_with_a_stamp_naming_the_docx(converted):
    for result in converted.results:
        assert result.pdf == result.docx.with_suffix(".pdf")
        assert result.pdf.read_bytes().startswith(b"%PDF-")
        assert convert.stamp_path(result.pdf).read_text() == convert.stamp(result.docx.read_bytes())


@pytest.mark.libreoffice
def test_pdftotext_keeps_the_vietnamese_text_intact(converted):
    for result in converted.results:
        text = poppler.text(result.pdf)
        assert unicodedata.is_normalized("NFC", text)
        assert "\ufffd" not in text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        pdf_words = set(text.split())
        docx_words = {word for paragraph in texts(open_docx(result.docx)) for word in paragraph.split()}
        assert docx_words - pdf_words == set(), result.docx.name


@pytest.mark.libreoffice
def test_the_pdf_fonts_are_liberation_serif_or_times_new_roman(converted):
    for result in converted.results:
        names = poppler.font_names(result.pdf)
        assert names and fonts.substituted(names) == []


@pytest.mark.libreoffice
def test_current_pdfs_are_kept_without_starting_libreoffice(converted, sample_docx, tmp_path):
    again = convert.convert(sample_docx, options=convert.Options(soffice=str(tmp_path / "khong-co-soffice")))
    assert [r.status for r in again.results] == ["unchanged"] * len(sample_docx)
    assert all(r.report for r in again.results)  # still checked, as cheaply as poppler allows


@pytest.mark.libreoffice
def test_a_killed_libreoffice_is_restarted_and_the_batch_completes(sample_docx):
    require_office()
    decision = sample_docx[0].read_bytes()
    killed = []

    def kill_on_second_document(progress: Progress) -> None:
        if progress.index == 1 and not killed:
            killed.extend(kill_office(progress.pid))

    pool = Office(Settings(), on_progress=kill_on_second_document)
    results = pool.convert([decision] * 4)
    assert killed, "LibreOffice was killed mid-batch"
    assert pool.abnormal_ends == 1 and pool.starts >= 2
    for data in results:
        assert isinstance(data, bytes) and data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def kill_office(group: int) -> list[int]:
    """SIGKILL the soffice.bin of one instance (by pid, found in its process group)."""
    members = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _group_of(p) == group]
    office_bins = [pid for pid in members if _command(pid) == "soffice.bin"] or [group]
    for pid in office_bins:
        os.kill(pid, signal.SIGKILL)
    return office_bins


def _group_of(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[2])
    except (OSError, IndexError, ValueError):
        return None


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


@pytest.mark.libreoffice
def test_two_builds_at_the_same_time_do_not_interfere(tmp_path):
    require_office()
    command = [sys.executable, "-m", "cchc_docs.cli", "build", str(SAMPLE), "-o", str(tmp_path),
               "--date", TODAY.isoformat(), "-j", "1", "--pdf"]
    builds = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for process in builds:
        _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err.decode()
    for docx in (tmp_path / SAMPLE.stem).glob("*.docx"):
        target = docx.with_suffix(".pdf")
        assert convert.is_current(target, docx.read_bytes())
        assert layout_check.check_pdf(target).findings == ()
    assert not list((tmp_path / SAMPLE.stem).glob(".*.tmp"))  # no half-written file left behind


# --- incremental and atomic, against the fake soffice -------------------------------------------

@pytest.fixture
def fake(tmp_path) -> convert.Options:
    return convert.Options(soffice=str(fake_soffice(tmp_path)), check=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def statuses(batch: convert.Batch) -> list[str]:
    return [r.status for r in batch.results]


def test_a_pdf_is_stale_exactly_when_its_docx_changed(tmp_path, fake):
    docx = write(tmp_path / "van-ban.docx", "lần 1")
    assert statuses(convert.convert([docx], options=fake)) == ["converted"]
    assert statuses(convert.convert([docx], options=fake)) == ["unchanged"]
    write(docx, "lần 2")
    assert statuses(convert.convert([docx], options=fake)) == ["converted"]
    assert (tmp_path / "van-ban.pdf").read_bytes() == fake_pdf("lần 2")


def test_force_converts_a_current_pdf(tmp_path, fake):
    docx = write(tmp_path / "van-ban.docx", "nội dung")
    convert.convert([docx], options=fake)
    forced = convert.Options(soffice=fake.soffice, check=False, force=True)
    assert statuses(convert.convert([docx], options=forced)) == ["converted"]


def test_a_pdf_without_its_stamp_is_converted_again(tmp_path, fake):
    docx = write(tmp_path / "van-ban.docx", "nội dung")
    convert.convert([docx], options=fake)
    convert.stamp_path(tmp_path / "van-ban.pdf").unlink()
    assert statuses(convert.convert([docx], options=fake)) == ["converted"]


def test_the_stamp_is_deterministic_and_readable():
    assert convert.stamp(b"abc") == (
        "docx-sha256: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
        f"recipe: {convert.RECIPE}\n"
    )


def test_out_dir_collects_the_pdfs(tmp_path, fake):
    docx = write(tmp_path / "a" / "van-ban.docx", "nội dung")
    batch = convert.convert([docx], tmp_path / "pdf", fake)
    assert batch.results[0].pdf == tmp_path / "pdf" / "van-ban.pdf"
    assert (tmp_path / "pdf" / "van-ban.pdf").is_file() and not (tmp_path / "a" / "van-ban.pdf").exists()


def test_two_inputs_writing_one_pdf_are_refused_before_converting(tmp_path, fake):
    first, second = write(tmp_path / "a" / "x.docx", "1"), write(tmp_path / "b" / "x.docx", "2")
    with pytest.raises(OutputError, match="trùng tệp PDF đích"):
        convert.convert([first, second], tmp_path / "pdf", fake)
    assert not (tmp_path / "pdf").exists()


def test_a_failed_document_is_reported_and_the_old_pdf_kept(tmp_path, fake):
    good, bad = write(tmp_path / "tot.docx", "tốt"), write(tmp_path / "hong.docx", "cũ")
    convert.convert([bad], options=fake)
    write(bad, "BAD")
    batch = convert.convert([good, bad], options=fake)
    assert statuses(batch) == ["converted", "failed"]
    assert (tmp_path / "hong.pdf").read_bytes() == fake_pdf("cũ")  # untouched
    assert not convert.is_current(tmp_path / "hong.pdf", b"BAD")  # and still stale
    with pytest.raises(ConversionError) as caught:
        batch.raise_for_failures()
    assert str(caught.value).startswith(f"{bad}: LibreOffice không mở")


def test_missing_fonts_are_warned_about_before_converting(tmp_path, fake, monkeypatch):
    monkeypatch.setattr(fonts, "installed_families", lambda program=None: {"DejaVu Serif", "DejaVu Sans"})
    batch = convert.convert([write(tmp_path / "van-ban.docx", "nội dung")], options=fake)
    assert [f.rule for f in batch.warnings] == ["PDF-FONT-MISSING"]
    assert "fonts-liberation2" in batch.warnings[0].message


def test_without_poppler_the_pdfs_are_written_and_the_checks_skipped_with_a_warning(tmp_path, monkeypatch):
    def no_poppler(path):
        raise ToolMissingError("Không tìm thấy pdftotext (poppler-utils)")

    monkeypatch.setattr(layout_check, "check_pdf", no_poppler)
    options = convert.Options(soffice=str(fake_soffice(tmp_path)))
    batch = convert.convert([write(tmp_path / "van-ban.docx", "nội dung")], options=options)
    assert statuses(batch) == ["converted"] and (tmp_path / "van-ban.pdf").is_file()
    assert [(f.rule, f.severity) for f in batch.warnings] == [("PDF-CHECK-SKIPPED", "warning")]


# --- fonts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("families", [{"Liberation Serif"}, {"Times New Roman", "Arial"}, None])
def test_times_or_liberation_installed_or_unknown_gives_no_warning(families):
    assert fonts.missing_font(families) is None


@pytest.mark.parametrize("name", ["ABCDEF+LiberationSerif-BoldItalic", "TimesNewRomanPS-BoldMT",
                                  "TimesNewRomanPSMT", "Times New Roman,Bold", "LiberationSerif"])
def test_times_and_liberation_in_a_pdf_are_accepted(name):
    assert fonts.substituted([name]) == []


def test_another_font_in_a_pdf_is_reported_once_without_its_subset_tag():
    found = fonts.substituted(["AAAAAA+DejaVuSerif", "BAAAAA+DejaVuSerif", "CAAAAA+LiberationSerif"])
    assert [(f.rule, f.severity, f.got) for f in found] == [("PDF-FONT-SUBSTITUTED", "error", "DejaVuSerif")]


def _no_fc_list(*args, **kwargs):
    raise FileNotFoundError("fc-list")


def test_without_fc_list_the_conversion_goes_on_without_a_font_warning(tmp_path, fake, monkeypatch):
    monkeypatch.setattr(fonts.subprocess, "run", _no_fc_list)
    assert fonts.installed_families(None, "linux", {}) is None
    batch = convert.convert([write(tmp_path / "van-ban.docx", "nội dung")], options=fake)
    assert statuses(batch) == ["converted"]
    assert batch.warnings == []


def test_without_fc_list_on_macos_the_font_folders_are_looked_into(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts.subprocess, "run", _no_fc_list)
    (tmp_path / "Library" / "Fonts").mkdir(parents=True)
    (tmp_path / "Library" / "Fonts" / "Times New Roman Bold.ttf").write_bytes(b"")
    assert fonts.installed_families(None, "darwin", {"HOME": str(tmp_path)}) == {"Times New Roman"}


def test_windows_font_folders_come_from_the_environment():
    environ = {"WINDIR": r"D:\Windows", "LOCALAPPDATA": r"D:\Users\van-thu\AppData\Local"}
    assert fonts.font_folders("win32", environ) == [r"D:\Windows\Fonts",
                                                    r"D:\Users\van-thu\AppData\Local\Microsoft\Windows\Fonts"]
    assert fonts.font_folders("linux", environ) == []


def test_windows_times_new_roman_files_are_recognised_by_their_short_names():
    folders = {r"D:\Windows\Fonts": ["arial.ttf", "timesbd.ttf", "desktop.ini"]}
    assert fonts.families_in(list(folders), folders.__getitem__) == {"Times New Roman"}


def test_a_windows_machine_without_times_or_liberation_is_warned_in_its_own_words():
    folders = {r"D:\Windows\Fonts": ["arial.ttf", "tahoma.ttf"]}
    families = fonts.families_in(list(folders), folders.__getitem__)
    warning = fonts.missing_font(families, "win32")
    assert warning.rule == "PDF-FONT-MISSING"
    assert "apt-get" not in warning.message
    assert "Liberation Serif" in warning.message


def test_unreadable_font_folders_mean_unknown_not_missing():
    def unreadable(folder):
        raise FileNotFoundError(folder)

    assert fonts.families_in([r"D:\Windows\Fonts"], unreadable) is None


# --- the command line ----------------------------------------------------------------------------

def test_build_pdf_without_libreoffice_keeps_the_docx_and_says_how_to_install(tmp_path):
    result = CliRunner(env={"CCHC_SOFFICE": str(tmp_path / "khong-co")}).invoke(
        cli.main, ["build", str(SAMPLE), "-o", str(tmp_path), "--date", TODAY.isoformat(), "--pdf"])
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]  # after any format warnings on the DOCX
    assert last.startswith("Không tìm thấy LibreOffice") and last.endswith(INSTALL_HINT)
    assert (tmp_path / SAMPLE.stem / "quyet-dinh.docx").is_file()
    assert "đã tạo" in result.stdout and not list(tmp_path.rglob("*.pdf"))


def test_report_pdf_without_libreoffice_keeps_the_docx_and_says_how_to_install(tmp_path):
    result = CliRunner(env={"CCHC_SOFFICE": str(tmp_path / "khong-co")}).invoke(
        cli.main, ["report", str(SAMPLE), "--period", "2025-Q3", "-o", str(tmp_path), "--pdf"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith(INSTALL_HINT)
    assert [p.name for p in (tmp_path / SAMPLE.stem).glob("*.docx")] == ["bao-cao-2025-q3.docx"]


def test_a_pdf_is_written_and_read_back_while_libreoffice_still_converts_the_next(tmp_path, monkeypatch):
    events = []
    real = convert._convert_stale

    def converting(*args):
        outcomes = real(*args)
        events.append("LibreOffice done")
        return outcomes

    def read_back(result: convert.Converted) -> convert.Converted:
        events.append(f"read back {result.pdf.name} (b.pdf written: {(tmp_path / 'b.pdf').exists()})")
        return result

    monkeypatch.setattr(convert, "_convert_stale", converting)
    monkeypatch.setattr(convert, "_checked", read_back)
    documents = [write(tmp_path / "a.docx", "một"), write(tmp_path / "b.docx", "SLOW-STORE hai")]
    batch = convert.convert(documents, options=convert.Options(soffice=str(fake_soffice(tmp_path))))
    # a.pdf is read back while LibreOffice is still storing b.pdf (b's read-back may end either side)
    assert events[0] == "read back a.pdf (b.pdf written: False)"
    assert sorted(events[1:]) == ["LibreOffice done", "read back b.pdf (b.pdf written: True)"]
    assert statuses(batch) == ["converted", "converted"] and (tmp_path / "a.pdf").read_bytes() == fake_pdf("một")
