"""The batch progress display: a bar with counts and ETA on a terminal, plain lines elsewhere."""

import io

from cchc_docs.cli.console import Progress, located


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_terminal_bar_shows_counts_and_time_left_from_the_average_so_far():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(4, stream, tty=True, clock=clock)
    clock.now += 30  # the first plan took 30 s, three remain
    progress.advance("xa-a")
    assert stream.getvalue() == "\r[######..................] 1/4 kế hoạch · còn khoảng 01:30\033[K"


def test_terminal_bar_keeps_messages_above_it():
    stream = io.StringIO()
    progress = Progress(2, stream, tty=True, clock=Clock())
    progress.advance("xa-a")
    progress.message("xung đột: quyet-dinh.docx", problem=True)
    assert stream.getvalue().endswith("\r\033[Kxung đột: quyet-dinh.docx\n"
                                      "\r[############............] 1/2 kế hoạch · còn khoảng 00:00\033[K")


def test_plain_lines_when_not_a_terminal_and_problems_on_the_error_stream():
    errors, out = io.StringIO(), io.StringIO()
    progress = Progress(2, errors, tty=False, clock=Clock(), out=out)
    progress.message("đã tạo out/xa-a/quyet-dinh.docx")
    progress.message("lỗi dữ liệu", problem=True)
    progress.advance("xa-a: 1 đã tạo")
    progress.advance("xa-b: 0 đã tạo, 1 không đổi", quiet=True)
    assert out.getvalue() == "đã tạo out/xa-a/quyet-dinh.docx\n"
    assert errors.getvalue() == "lỗi dữ liệu\n[1/2] xa-a: 1 đã tạo\n"


def test_a_single_plan_prints_no_count():
    errors = io.StringIO()
    Progress(1, errors, tty=False).advance("xa-a: 1 đã tạo")
    assert errors.getvalue() == ""


def test_located_prefixes_only_the_lines_that_do_not_name_a_file():
    text = ("xa-a.yaml:14:9: decision.date: ngày không tồn tại\n"
            "xa-a/bao-cao/2025-Q3.yaml:4:5: tasks[0].id: không có nhiệm vụ T09\n"
            "decision: thiếu trường\n"
            "templates: không tìm thấy thư mục mẫu")
    assert located("xa-a.yaml", text).splitlines() == [
        "xa-a.yaml:14:9: decision.date: ngày không tồn tại",
        "xa-a/bao-cao/2025-Q3.yaml:4:5: tasks[0].id: không có nhiệm vụ T09",
        "xa-a.yaml: decision: thiếu trường",
        "xa-a.yaml: templates: không tìm thấy thư mục mẫu",
    ]


def test_located_keeps_a_document_path_at_the_start_of_a_line():
    line = "out/xa-a/quyet-dinh.docx: không ghi được"
    assert located("xa-a.yaml", line) == line
