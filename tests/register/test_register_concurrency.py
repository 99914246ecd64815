"""Two programs numbering at the same moment: each number once, none missing."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from cchc_docs.register import schema
from cchc_docs.register.store import open_register

EACH = 500

# One numbering program: the library's allocation, EACH times.
ALLOCATE = textwrap.dedent("""
    import datetime as dt, sys, time
    from pathlib import Path
    from cchc_docs.register.store import Row, open_register

    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    print("ready", flush=True)
    sys.stdin.readline()  # both start together
    with open_register(path, create=True, timeout=120) as register:
        for i in range(count):
            register.allocate(Row(dt.date(2025, 5, 1), "QĐ-UBND", f"{name}-{i}"))
            time.sleep(0.002)  # a real numbering program has other work between two numbers
""")


def test_two_processes_issuing_500_numbers_each_get_1000_distinct_consecutive_numbers(tmp_path):
    path = tmp_path / schema.FILE_NAME
    processes = [subprocess.Popen([sys.executable, "-c", ALLOCATE, str(path), name, str(EACH)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for name in ("A", "B")]
    for process in processes:
        assert process.stdout.readline() == "ready\n"
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.close()
    for process in processes:
        assert process.wait(timeout=600) == 0, process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    with open_register(path) as register:
        rows = register.rows()
    numbers = sorted(row.number for row in rows)
    assert numbers == list(range(1, 2 * EACH + 1))
    by_program = {name: [r.number for r in rows if r.summary.startswith(name)] for name in ("A", "B")}
    assert [len(numbers) for numbers in by_program.values()] == [EACH, EACH]
    # Each program's own numbers rise in the order it asked for them.
    for name in by_program:
        order = [int(r.summary.split("-")[1]) for r in sorted(rows, key=lambda r: r.number) if r.summary[0] == name]
        assert order == list(range(EACH)), name
    # Interleaved: the two really numbered at the same time (otherwise the test proves nothing).
    assert min(by_program["A"]) < max(by_program["B"]) and min(by_program["B"]) < max(by_program["A"])
