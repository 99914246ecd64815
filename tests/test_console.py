"""The batch progress display: a bar with counts and ETA on a terminal, plain lines elsewhere."""

import io

from cchc_docs.console import Progress


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
    assert stream.getvalue().endswith("\r\033[Kxung đột: quyet-dinh.docx\n\r[############............] 1/2 kế hoạch · còn khoảng 00:00\033[K")


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
