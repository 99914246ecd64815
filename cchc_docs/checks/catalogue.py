"""The rule catalogue, as printed by ``cchc-docs check --list-rules`` and kept in ``docs/rules.md``.

Run ``python -m cchc_docs.checks.catalogue`` to regenerate ``docs/rules.md`` after adding
or changing a rule; ``tests/checks/test_catalogue.py`` fails when the file is stale.
"""

from __future__ import annotations

from pathlib import Path

from cchc_docs import vn
from cchc_docs.checks.pdf_rules import PDF_RULES
from cchc_docs.checks.registry import RULES, Rule
from cchc_docs.facts.package import LIMITS, MIB

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}
TAG_VI = {"C": "Nghị định quy định", "M": "theo mẫu của Nghị định", "P": "thực hành, cách hiểu"}


def rules() -> list[Rule]:
    """Every registered rule, ordered by id (the package's ``__init__`` registers them)."""
    return sorted(RULES.values(), key=lambda r: r.id)


def markdown() -> str:
    """docs/rules.md: one table row per rule."""
    catalogue = rules()
    errors = sum(1 for r in catalogue if r.severity == "error")
    lines = [
        "# Danh mục quy tắc kiểm tra thể thức (Nghị định 30/2020/NĐ-CP)",
        "",
        "Tệp này được sinh tự động từ mã nguồn (`python -m cchc_docs.checks.catalogue`); đừng sửa tay.",
        "Lệnh `cchc-docs check --list-rules` in cùng danh mục.",
        "",
        f"Tổng cộng {len(catalogue)} quy tắc: {errors} quy tắc mức **lỗi** (Nghị định quy định), "
        f"{len(catalogue) - errors} quy tắc mức **cảnh báo** (theo mẫu hoặc thực hành).",
        "",
        "Cột **Điều khoản** ghi nơi quy định trong Nghị định 30/2020/NĐ-CP (NĐ 30/2020/NĐ-CP): "
        "\"Phụ lục I, Mục II.6 điểm e\" là điểm e khoản 6 Mục II Phần I Phụ lục I; "
        "\"Mẫu 1.3\" là mẫu trình bày tại Mục II Phụ lục III. Những điều Nghị định không "
        "quy định được ghi \"thực tiễn soạn thảo (không bắt buộc)\" và chỉ ở mức cảnh báo.",
        "",
        "| Mã quy tắc | Mức độ | Điều khoản | Nội dung |",
        "|---|---|---|---|",
    ]
    for r in catalogue:
        lines.append(f"| `{r.id}` | {SEVERITY_VI[r.severity]} | {r.article} | {_cell(r.summary)} |")
    lines += [
        "",
        "## Kiểm tra trên PDF (`cchc-docs pdf`, `--pdf`)",
        "",
        "Những điều chỉ thấy được khi đã dàn trang: vị trí, số trang, ngắt trang, phông thực dùng.",
        "",
        "| Mã quy tắc | Mức độ | Điều khoản | Nội dung |",
        "|---|---|---|---|",
    ]
    for rule_id, (severity, article, summary) in sorted(PDF_RULES.items()):
        lines.append(f"| `{rule_id}` | {SEVERITY_VI[severity]} | {article} | {_cell(summary)} |")
    return "\n".join(lines + limits()) + "\n"


#: What a reader of one .docx may cost, as documented (the figures come from LIMITS);
#: the peak memory is what bench/bench_check.py --hostile measured on files built to
#: come as close to every limit as they can.
MEMORY_CAP_MB = 300


def limits() -> list[str]:
    """The section of docs/rules.md on what a .docx may cost to read (from :data:`LIMITS`)."""
    number = vn.format_number
    rows = [
        ("Kích thước tệp .docx", size(LIMITS.file_bytes)),
        ("Số phần trong gói ZIP", number(LIMITS.members)),
        ("Mục lục của gói ZIP", size(LIMITS.directory_bytes)),
        ("Tổng dung lượng các phần sau khi giải nén (theo mục lục, xét trước khi giải nén)", size(LIMITS.total_bytes)),
        (f"Tỉ lệ nén của một phần (phần từ {size(LIMITS.ratio_floor)} trở lên)", f"{LIMITS.ratio}:1"),
        ("Một phần XML sau khi giải nén (đếm trong lúc giải nén)", size(LIMITS.xml_bytes)),
        ("Các phần XML đọc trọn vào bộ nhớ (kiểu chữ, đầu trang, chân trang …)", size(LIMITS.tree_bytes)),
        ("Phần nội dung lớn hơn mức này được đọc dần từng khối", size(LIMITS.stream_bytes)),
        ("Một khối nội dung khi đọc dần", size(LIMITS.held_bytes)),
        ("Số đoạn văn", number(LIMITS.paragraphs)),
        ("Số đoạn chữ (run)", number(LIMITS.runs)),
        ("Số ký tự", number(LIMITS.text_chars)),
        ("Số chỗ sai thể thức trong một văn bản", number(LIMITS.findings)),
        ("Thời gian đọc và kiểm tra một văn bản", f"{number(int(LIMITS.seconds))} giây"),
    ]
    return [
        "",
        "## Giới hạn khi đọc tệp DOCX (`cchc-docs check` và tự kiểm tra khi tạo văn bản)",
        "",
        "Tệp DOCX có thể đến từ bất kỳ đâu, nên trước khi đọc, chương trình chỉ nhận **tệp thông thường** "
        "(ống dẫn FIFO, thiết bị, thư mục bị từ chối ngay, không chờ) và xét mục lục của gói ZIP; "
        "mỗi phần được giải nén dần với giới hạn cứng, nên mục lục khai sai kích thước cũng không làm "
        "tràn bộ nhớ; thực thể XML (entity) bên ngoài hoặc đệ quy không bao giờ được mở rộng, không tệp "
        "nào được mở, không kết nối mạng nào. Ảnh và đối tượng nhúng không bao giờ được giải nén.",
        "",
        "Tệp vượt một giới hạn bị từ chối với thông báo nêu giới hạn đó (mã thoát 1):",
        "",
        "| Giới hạn | Giá trị |",
        "|---|---|",
        *(f"| {what} | {value} |" for what, value in rows),
        "",
        f"Với các giới hạn trên, một lần kiểm tra dùng không quá {MEMORY_CAP_MB} MB bộ nhớ "
        "(đo trên các tệp dựng sát mọi giới hạn: `python bench/bench_check.py --hostile`). "
        "Báo cáo của một kế hoạch 10.000 nhiệm vụ (84.000 đoạn, 30 MB XML) nằm trong các giới hạn.",
    ]


def size(count: int) -> str:
    """Bytes in whole megabytes, written the Vietnamese way (1.024 MB)."""
    return f"{vn.format_number(count // MIB)} MB"


def text() -> str:
    """The catalogue for a terminal: id, severity, summary, article (DOCX rules, then PDF rules)."""
    lines = []
    for rule_id, severity, article, summary in _all():
        lines.append(f"{rule_id:<36} {SEVERITY_VI[severity]:<9} {summary}")
        lines.append(f"{'':<46} {article}")
    return "\n".join(lines)


def _all() -> list[tuple[str, str, str, str]]:
    docx = [(r.id, r.severity, r.article, r.summary) for r in rules()]
    return docx + [(rule_id, *info) for rule_id, info in sorted(PDF_RULES.items())]


def entries() -> list[dict]:
    """The catalogue as data (``--list-rules --format json``)."""
    docx = [{"id": r.id, "severity": r.severity, "tag": r.tag, "article": r.article, "summary": r.summary}
            for r in rules()]
    pdf = [{"id": rule_id, "severity": severity, "tag": None, "article": article, "summary": summary}
           for rule_id, (severity, article, summary) in sorted(PDF_RULES.items())]
    return docx + pdf


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    DOC_PATH.write_text(markdown(), encoding="utf-8")
    print(f"đã tạo {DOC_PATH.relative_to(DOC_PATH.parents[1])}")


if __name__ == "__main__":
    main()
