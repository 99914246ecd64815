"""Templates of the documents around a plan that are not decisions (Mẫu 1.4, văn bản có tên loại):
the plan issued on its own (Kế hoạch số …/KH-UBND) and the Tờ trình that proposes the plan."""

from __future__ import annotations

from .decision import appendix_part, plan_body
from .kit import LANDSCAPE, add_report_styles, assemble, para, signature_block
from .report import addressees_block, grounds, report_paragraphs, titled_header


def issued_plan_part(doc) -> None:
    """Boxes 1–4 with Số and date, KẾ HOẠCH and trích yếu, căn cứ lines, the body, Nơi nhận and signer."""
    titled_header(doc, "KẾ HOẠCH", "plan")
    grounds(doc, "plan")
    plan_body(doc, end_kept=True)
    signature_block(doc, "plan")


def submission_part(doc) -> None:
    """The unit's header under its People's Committee, TỜ TRÌNH, Kính gửi, căn cứ, body, Nơi nhận, signer."""
    titled_header(doc, "TỜ TRÌNH", "submission")
    addressees_block(doc, "submission")
    grounds(doc, "submission")
    para(doc, "VanBan", "{{ submission.opening }}")
    report_paragraphs(doc, "submission.body")
    signature_block(doc, "submission")


def build_issued_plan_template() -> bytes:
    """templates/ke-hoach-ban-hanh.docx: the plan on portrait pages, its appendix on landscape ones."""
    return assemble(issued_plan_part, (LANDSCAPE, appendix_part), styles=add_report_styles)


def build_submission_template() -> bytes:
    """templates/to-trinh.docx: one portrait section."""
    return assemble(submission_part, styles=add_report_styles)
