"""`issue`: a draft becomes a numbered, registered, rendered document; a failure consumes no number."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from helpers import AMENDMENT, open_docx, texts, write_plan
from register_support import DRAFT, consistency, request

from cchc_docs.errors import DataError, TemplateError
from cchc_docs.register import issue, lock, manage, schema
from cchc_docs.register.errors import RegisterError
from cchc_docs.register.store import ISSUED, PENDING, VOID, open_register

DECISION_LINES = ('  number: "01"', '  date: "2025-07-31"   # tháng dự kiến ký')


def rows(folder) -> list[tuple]:
    with open_register(folder / schema.FILE_NAME) as register:
        return [(str(e.reference), e.date.isoformat(), e.state, e.plan, e.document) for e in register.rows()]


def test_issue_numbers_the_draft_writes_the_data_and_renders_the_issued_document(draft):
    outcome = issue.issue(request(draft, date=dt.date(2025, 7, 31), copies=7))
    # The data: two lines differ from the draft, comments and everything else as they were.
    after = draft.read_text(encoding="utf-8").splitlines()
    before = DRAFT.splitlines()
    assert [line for line in after if line not in before] == list(DECISION_LINES)
    assert [line for line in before if line not in after] == ['  date: "2025-07"   # tháng dự kiến ký']
    # The document, rendered from the data as now written.
    lines = texts(open_docx(outcome.output))
    assert "Số: 01/QĐ-UBND" in lines
    assert "Thượng Hồng, ngày 31 tháng 7 năm 2025" in lines
    assert outcome.output == (draft.parent / "out" / "plan" / "quyet-dinh.docx").resolve()
    # The register: the row with its Phụ lục IV columns and the DOCX's sha256.
    row = outcome.row
    assert (str(row.reference), row.state, row.plan, row.document) == ("01/QĐ-UBND", ISSUED, "plan.yaml",
                                                                              "quyet-dinh")
    assert (row.type_name, row.summary) == ("Quyết định", "ban hành Kế hoạch cải cách hành chính năm 2025")
    assert (row.signer, row.recipients, row.archive, row.copies) == ("Nguyễn Văn An", "Như Điều 3; Sở Nội vụ",
                                                                            "VT, VHXH", 7)
    assert row.sha256 == hashlib.sha256(outcome.output.read_bytes()).hexdigest()
    assert row.undo is None


def test_issuing_again_does_nothing_and_says_so(draft):
    first = issue.issue(request(draft, date=dt.date(2025, 7, 31)))
    data, docx = draft.read_bytes(), first.output.read_bytes()
    again = issue.issue(request(draft, date=dt.date(2025, 8, 5)))
    assert again.output is None
    assert str(again.row.reference) == "01/QĐ-UBND"
    assert (draft.read_bytes(), first.output.read_bytes()) == (data, docx)
    assert len(rows(draft.parent)) == 1


def test_without_a_date_the_full_date_in_the_data_is_used_else_today(tmp_path):
    dated = write_plan(tmp_path, DRAFT.replace('"2025-07"', '"2025-07-29"'), "dated.yaml")
    undated = write_plan(tmp_path, DRAFT, "undated.yaml")
    assert issue.issue(request(dated)).row.date == dt.date(2025, 7, 29)
    assert issue.issue(request(undated)).row.date == dt.date(2025, 9, 15)  # helpers.TODAY


def test_an_amendment_decision_draws_from_the_same_series(draft):
    change = '      - {action: change, task: T01, set: {deadline: "2025-09"}, reason: Sớm}\n'
    amendment = AMENDMENT.replace('      number: "52"\n      date: "2025-10-15"\n', "").replace("{changes}", change)
    draft.write_text(DRAFT + amendment, encoding="utf-8")
    issue.issue(request(draft, date=dt.date(2025, 7, 31)))
    outcome = issue.issue(request(draft, "quyet-dinh-sua-doi-sd01", date=dt.date(2025, 10, 15)))
    assert str(outcome.row.reference) == "02/QĐ-UBND"
    assert "Số: 02/QĐ-UBND" in texts(open_docx(outcome.output))
    text = draft.read_text(encoding="utf-8")
    assert '    decision:\n      number: "02"\n      date: "2025-10-15"\n      title: Sửa đổi' in text


def test_a_report_is_numbered_in_its_status_file_in_the_report_series(draft):
    folder = draft.parent / "plan" / "bao-cao"
    folder.mkdir(parents=True)
    status = folder / "2025-Q3.yaml"
    status.write_text('period: 2025-Q3\n# báo cáo quý III\nreport:\n  date: "2025-09"  # dự kiến\n'
                      "  recipients: [Sở Nội vụ]\ntasks:\n  - {id: T01, status: đang thực hiện}\n", encoding="utf-8")
    outcome = issue.issue(request(draft, "bao-cao-2025-q3", date=dt.date(2025, 9, 8)))
    assert str(outcome.row.reference) == "01/BC-UBND"
    assert status.read_text(encoding="utf-8").startswith(
        'period: 2025-Q3\n# báo cáo quý III\nreport:\n  number: "01"\n  date: "2025-09-08"  # dự kiến\n')
    assert "Số: 01/BC-UBND" in texts(open_docx(outcome.output))
    assert outcome.row.summary == "kết quả thực hiện công tác cải cách hành chính quý III năm 2025"


def test_a_failure_after_the_number_is_taken_gives_it_back_and_restores_the_data(draft, tmp_path):
    before = draft.read_bytes()
    empty = tmp_path / "mau-rong"
    empty.mkdir()
    with pytest.raises(TemplateError):
        issue.issue(request(draft, date=dt.date(2025, 7, 31), templates=empty))
    assert draft.read_bytes() == before
    assert rows(draft.parent) == []  # the number was the last: deleted, never used
    assert not (draft.parent / "out").exists()
    assert issue.issue(request(draft, date=dt.date(2025, 7, 31))).row.number == 1


def test_bad_data_is_refused_before_any_number_is_taken(draft):
    draft.write_text(DRAFT.replace("lead: VHXH", "lead: VHHX"), encoding="utf-8")
    with pytest.raises(DataError, match=r"plan\.tasks"):
        issue.issue(request(draft))
    assert rows(draft.parent) == []


def test_a_number_given_back_after_a_later_one_is_voided_with_the_reason(draft, tmp_path):
    with open_register(draft.parent / schema.FILE_NAME, create=True) as register:
        target = issue.documents.find(draft, "quyet-dinh")
        pending = register.allocate(issue.draft_row(register, target, request(draft)))
        register.allocate(manage.external_row("KH-UBND", dt.date(2025, 9, 20), "kế hoạch khác"))  # another series
        later = register.allocate(manage.external_row("QĐ-UBND", dt.date(2025, 9, 21), "quyết định khác"))
        assert (pending.number, pending.state, later.number) == (1, PENDING, 2)
        assert issue.take_back(register, pending, "mẫu văn bản hỏng") == VOID
    assert rows(draft.parent)[1:] == [("01/QĐ-UBND", "2025-09-15", VOID, "plan.yaml", "quyet-dinh"),
                                      ("02/QĐ-UBND", "2025-09-21", ISSUED, None, None)]


def test_a_date_before_the_previous_number_is_refused_and_nothing_changes(draft):
    manage.add_external(draft.parent / schema.FILE_NAME,
                        manage.external_row("QĐ-UBND", dt.date(2025, 8, 1), "quyết định trước"))
    before = draft.read_bytes()
    with pytest.raises(RegisterError, match=r"trước ngày của số trước trong sổ \(01/QĐ-UBND ngày 01/8/2025\)"):
        issue.issue(request(draft, date=dt.date(2025, 7, 31)))
    assert draft.read_bytes() == before
    assert len(rows(draft.parent)) == 1


def test_the_first_document_of_a_new_year_gets_01(draft, tmp_path):
    for day in (1, 2):
        manage.add_external(draft.parent / schema.FILE_NAME,
                            manage.external_row("QĐ-UBND", dt.date(2025, 12, 30 + day - 1), "cuối năm"))
    outcome = issue.issue(request(draft, date=dt.date(2026, 1, 1)))
    assert (str(outcome.row.reference), outcome.row.year) == ("01/QĐ-UBND", 2026)
    assert '  number: "01"\n  date: "2026-01-01"' in draft.read_text(encoding="utf-8")


def test_a_number_typed_in_the_data_is_checked_against_the_register(draft, tmp_path):
    typed_text = DRAFT.replace('  date: "2025-07"', '  number: "39"\n  date: "2025-07-31"')
    typed = write_plan(tmp_path, typed_text, "typed.yaml")
    with pytest.raises(RegisterError, match=r"typed\.yaml:14:11: decision\.number: cảnh báo: số 39/QĐ-UBND năm "
                                            r"2025 có trong dữ liệu nhưng chưa có trong sổ"):
        issue.issue(request(typed))
    manage.add_from_data(typed, "quyet-dinh", dt.date(2025, 9, 15))
    assert issue.issue(request(typed)).output is None  # registered now: nothing to do
    # Another plan that claims the same number is refused by the register.
    copy = write_plan(tmp_path, typed_text, "copy.yaml")
    with pytest.raises(RegisterError, match=r"39/QĐ-UBND năm 2025 trong sổ đăng ký đã dùng cho typed\.yaml › "):
        issue.issue(request(copy))


def test_the_next_number_typed_by_hand_elsewhere_is_not_given_again(draft, tmp_path):
    write_plan(tmp_path, DRAFT.replace('  date: "2025-07"', '  number: "01"\n  date: "2025-07-02"'), "hand.yaml")
    with pytest.raises(RegisterError, match=r"số tiếp theo của sổ, 01/QĐ-UBND, đã được ghi tay .* register add "
                                            r"--plan .*hand\.yaml --doc quyet-dinh"):
        issue.issue(request(draft, date=dt.date(2025, 7, 31)))
    assert rows(draft.parent) == []


def test_a_plan_with_a_bom_and_windows_line_endings_keeps_them(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode("utf-8"))
    issue.issue(request(plan, date=dt.date(2025, 7, 31)))
    data = plan.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert '\r\n  number: "01"\r\n  date: "2025-07-31"' in data.decode("utf-8-sig")


def test_while_another_numbering_command_runs_issue_waits_then_says_so(draft):
    path = draft.parent / schema.FILE_NAME
    with lock.hold(path, timeout=1), pytest.raises(RegisterError, match="một lệnh cấp số khác đang dùng sổ đăng ký"):
        issue.issue(request(draft, timeout=0.2))
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_the_invariants_hold_after_a_mix_of_issues_failures_and_voids(draft, tmp_path):
    plans = [write_plan(tmp_path, DRAFT, f"p{i}.yaml") for i in range(4)]
    empty = tmp_path / "mau-rong"
    empty.mkdir()
    issue.issue(request(plans[0], date=dt.date(2025, 8, 1)))
    with pytest.raises(TemplateError):
        issue.issue(request(plans[1], date=dt.date(2025, 8, 2), templates=empty))
    issue.issue(request(plans[2], date=dt.date(2025, 8, 3)))
    manage.void(draft.parent / schema.FILE_NAME, issue.Reference(2, "QĐ-UBND"), None, "ký nhầm")
    issue.issue(request(plans[1], date=dt.date(2025, 8, 4)))
    assert consistency(tmp_path) == {"rows": 3, "pending": 0, "issued": 2, "numbered_in_data": 2}
    assert [r[:3] for r in rows(tmp_path)] == [("01/QĐ-UBND", "2025-08-01", ISSUED), ("02/QĐ-UBND", "2025-08-03", VOID),
                                              ("03/QĐ-UBND", "2025-08-04", ISSUED)]
    assert "number" not in plans[2].read_text(encoding="utf-8")  # the void number left the data too
