"""The status file of one periodic report, as typed records: the one declaration of its format.

A status file (``data/<plan>/bao-cao/2025-Q3.yaml``) holds what only people know at a
cut-off date: the report's metadata, each task's status, raw counts (dossiers received,
resolved …) and the narrative of each section. It never holds a computed figure:
totals, percentages and classifications are computed by :mod:`cchc_docs.progress`.
Fields are declared like :mod:`cchc_docs.model`, each with its Vietnamese meaning
(``docs/status-format.md`` describes them); validation is in :mod:`cchc_docs.status_rules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from cchc_docs.model import periods
from cchc_docs.model.plan import Paragraph, PlanFile, Signer
from cchc_docs.model.schema import Invalid, doc
from cchc_docs.model.values import Date, DocNumber, Identifier, IssueDate, UnitCode

DONE, IN_PROGRESS, NOT_STARTED = "hoàn thành", "đang thực hiện", "chưa thực hiện"
StatusValue = Literal["hoàn thành", "đang thực hiện", "chưa thực hiện"]


# ---------------------------------------------------------------- scalar types


class Count(int):
    """A count of things (dossiers, inspections …): a whole number, never negative."""

    expected = "một số nguyên không âm, ví dụ '0', '35' hoặc '1.247'"
    max_digits = 9

    @classmethod
    def parse(cls, text: str) -> Count:
        text = text.strip()
        if re.fullmatch(r"-\s*[0-9][0-9.]*", text):
            raise Invalid("số lượng không được âm", cls.expected)
        if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", text):  # Vietnamese thousands: 1.247
            text = text.replace(".", "")
        if not re.fullmatch(r"[0-9]+", text):
            raise Invalid("không phải một số nguyên", cls.expected,
                          hint="số liệu thô ghi bằng số đếm; tỷ lệ % do chương trình tự tính")
        if len(text.lstrip("0")) > cls.max_digits:
            raise Invalid("số lượng quá lớn", f"tối đa {cls.max_digits} chữ số")
        return cls(int(text))


class PeriodCode:
    """The period a status file reports on, e.g. ``2025-Q3``; read as a :class:`periods.Period`."""

    expected = periods.EXPECTED

    @classmethod
    def parse(cls, text: str) -> periods.Period:
        try:
            return periods.parse(text)
        except periods.PeriodError as e:
            raise Invalid("mã kỳ báo cáo không hợp lệ", cls.expected) from e


# ---------------------------------------------------------------- report metadata and tasks


@dataclass(frozen=True)
class ReportInfo:
    """The report as a document: number, date, Kính gửi, Nơi nhận and signer."""

    date: IssueDate = doc("Ngày ký báo cáo `YYYY-MM-DD`; dự thảo chưa biết ngày ghi `YYYY-MM`. Ví dụ: `2025-09-08`.")
    recipients: tuple[str, ...] = doc(
        "Nơi nhận, mỗi nơi một mục, không ghi dấu `-` đầu dòng, dấu `;` cuối dòng, dòng \"Như trên\" "
        "và dòng \"Lưu\" (chương trình tự tạo). Ví dụ: `TT Đảng ủy, TT HĐND xã`."
    )
    number: DocNumber | None = doc("Số báo cáo sau khi ký, ví dụ `52`. "
                                   "Bỏ trống khi là dự thảo (`Số:      /BC-UBND`).", None)
    addressees: tuple[str, ...] = doc(
        "Kính gửi: cơ quan cấp trên nhận báo cáo, mỗi nơi một mục. Khi có, Nơi nhận mở đầu bằng `- Như trên;`. "
        "Ví dụ: `Sở Nội vụ thành phố Hải Phòng`.", ()
    )
    request: str | None = doc(
        "Văn bản của cấp trên yêu cầu báo cáo (nếu có), ghi sau chữ \"Thực hiện\", không có dấu câu cuối. "
        "Ví dụ: `Công văn số 1520/SNV-CCHC ngày 20/8/2025 của Sở Nội vụ thành phố Hải Phòng`.", None
    )
    legal_bases: tuple[str, ...] = doc(
        "Căn cứ của báo cáo (nếu có), mỗi căn cứ một mục, in thành dòng `Căn cứ …;` trước câu \"Thực hiện …\"; "
        "không ghi chữ \"Căn cứ\" và dấu câu cuối. Ví dụ: `Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ "
        "quy định chế độ báo cáo của cơ quan hành chính nhà nước`.", ())
    plans: tuple[str, ...] = doc(
        "Các kế hoạch, văn bản khác mà báo cáo này cũng báo cáo kết quả thực hiện, dẫn sau Kế hoạch cải cách hành "
        "chính trong câu \"Thực hiện …\"; ghi đủ số, ngày, trích yếu, không có dấu câu cuối. Ví dụ: `Kế hoạch số "
        "15/KH-UBND ngày 05/8/2025 của Ủy ban nhân dân xã về tuyên truyền cải cách hành chính năm 2025`.", ())
    archive: tuple[UnitCode, ...] = doc("Mã đơn vị lưu báo cáo (dòng `- Lưu: VT, VHXH.`). "
                                        "Mặc định: đơn vị tổng hợp báo cáo của Kế hoạch.", ())
    signer: Signer | None = doc("Người ký, cùng dạng như `decision.signer` của Kế hoạch. "
                                "Mặc định: người ký Quyết định.", None)


@dataclass(frozen=True)
class TaskStatus:
    """The status of one task of the plan at the cut-off date."""

    id: Identifier = doc("Mã nhiệm vụ trong Phụ lục của Kế hoạch, ví dụ `T07`.")
    status: StatusValue = doc("Tình trạng: `hoàn thành`, `đang thực hiện` hoặc `chưa thực hiện`.")
    completed: Date | None = doc("Ngày hoàn thành `YYYY-MM-DD`; bắt buộc khi `hoàn thành`, "
                                 "bỏ trống trong trường hợp khác.", None)
    result: str | None = doc("Kết quả, sản phẩm đạt được, "
                             "ví dụ `Đã ban hành Kế hoạch và quán triệt đến 8 cơ quan, đơn vị`.", None)
    evidence: tuple[str, ...] = doc("Văn bản, tài liệu kiểm chứng, ví dụ `Kế hoạch số 45/KH-UBND ngày 05/8/2025`.", ())


# ---------------------------------------------------------------- raw counts


@dataclass(frozen=True)
class AssignedTasks:
    """Tasks assigned to the commune by the city (chỉ tiêu "hoàn thành 100% nhiệm vụ được giao")."""

    assigned: Count = doc("Số nhiệm vụ Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân cấp trên giao "
                          "(đến ngày chốt số liệu).")
    done_on_time: Count = doc("Số nhiệm vụ đã hoàn thành đúng hạn.")
    done_late: Count = doc("Số nhiệm vụ đã hoàn thành nhưng quá hạn.", Count(0))
    overdue: Count = doc("Số nhiệm vụ đã quá hạn mà chưa hoàn thành.", Count(0))


@dataclass(frozen=True)
class Inspections:
    """Self-inspection of administrative reform (kiểm tra CCHC)."""

    held: Count = doc("Số cuộc kiểm tra đã tiến hành.")
    units_total: Count = doc("Tổng số cơ quan, đơn vị thuộc và trực thuộc (mẫu số của tỷ lệ được kiểm tra).")
    units_inspected: Count = doc("Số cơ quan, đơn vị được kiểm tra.")
    issues_found: Count = doc("Số vấn đề, tồn tại phát hiện qua kiểm tra.", Count(0))
    issues_resolved: Count = doc("Số vấn đề đã được khắc phục, xử lý.", Count(0))


@dataclass(frozen=True)
class Outreach:
    """Communication about administrative reform (tuyên truyền CCHC)."""

    articles: Count = doc("Số tin, bài đăng trên Cổng/Trang thông tin điện tử, mạng xã hội.", Count(0))
    broadcasts: Count = doc("Số lượt phát thanh trên đài truyền thanh xã.", Count(0))
    meetings: Count = doc("Số hội nghị, buổi tuyên truyền, quán triệt.", Count(0))


@dataclass(frozen=True)
class Documents:
    """Documents issued and reviewed (cải cách thể chế)."""

    issued: Count = doc("Số văn bản quy phạm pháp luật (nghị quyết HĐND, quyết định UBND xã) được ban hành.")
    reviewed: Count = doc("Số văn bản được rà soát, kiểm tra.", Count(0))
    flagged: Count = doc("Số văn bản phát hiện trái pháp luật, không còn phù hợp.", Count(0))
    handled: Count = doc("Số văn bản phát hiện đã được xử lý.", Count(0))


@dataclass(frozen=True)
class Procedures:
    """The list of administrative procedures (danh mục TTHC) under the commune's competence."""

    total: Count = doc("Số TTHC thuộc thẩm quyền giải quyết của xã.")
    published: Count = doc("Số TTHC được công khai đầy đủ.")
    online_full: Count = doc("Số TTHC cung cấp dịch vụ công trực tuyến toàn trình.", Count(0))
    online_partial: Count = doc("Số TTHC cung cấp dịch vụ công trực tuyến một phần.", Count(0))


@dataclass(frozen=True)
class Dossiers:
    """Dossiers of administrative procedures handled in the window (Bộ phận Một cửa)."""

    received_in_person: Count = doc("Số hồ sơ tiếp nhận mới trực tiếp.")
    received_online: Count = doc("Số hồ sơ tiếp nhận mới trực tuyến.")
    resolved_early: Count = doc("Số hồ sơ đã giải quyết trước hạn.")
    resolved_on_time: Count = doc("Số hồ sơ đã giải quyết đúng hạn.")
    resolved_late: Count = doc("Số hồ sơ đã giải quyết quá hạn.")
    carried_over: Count = doc("Số hồ sơ kỳ trước chuyển sang "
                              "(chưa giải quyết xong ở ngày chốt số liệu kỳ trước).", Count(0))
    received_by_post: Count = doc("Số hồ sơ tiếp nhận mới qua dịch vụ bưu chính công ích.", Count(0))
    pending_overdue: Count = doc("Trong số hồ sơ đang giải quyết: số hồ sơ đã quá hạn.", Count(0))
    apologies: Count = doc("Số thư xin lỗi đã gửi vì giải quyết quá hạn.", Count(0))
    tracked: Count | None = doc("Số hồ sơ tiếp nhận mới được theo dõi trạng thái xử lý "
                                "trên Hệ thống thông tin giải quyết TTHC.", None)
    online_payments: Count | None = doc("Số hồ sơ thanh toán phí, lệ phí trực tuyến.", None)
    digitised: Count | None = doc("Số hồ sơ tiếp nhận mới được số hóa.", None)
    results_digitised: Count | None = doc("Số kết quả giải quyết được số hóa.", None)


@dataclass(frozen=True)
class Feedback:
    """Citizens' feedback and petitions on administrative regulations (phản ánh, kiến nghị)."""

    received: Count = doc("Số phản ánh, kiến nghị tiếp nhận.")
    resolved: Count = doc("Số phản ánh, kiến nghị đã xử lý xong.")


@dataclass(frozen=True)
class Satisfaction:
    """Evaluations of how dossiers were handled (mức độ hài lòng)."""

    evaluations: Count = doc("Số lượt đánh giá của người dân, doanh nghiệp.")
    satisfied: Count = doc("Số lượt đánh giá hài lòng hoặc rất hài lòng.")


@dataclass(frozen=True)
class Staff:
    """Organisation and civil service (bộ máy, công vụ)."""

    quota: Count | None = doc("Số biên chế được giao.", None)
    actual: Count | None = doc("Số cán bộ, công chức có mặt.", None)
    trained: Count = doc("Số lượt cán bộ, công chức được đào tạo, bồi dưỡng.", Count(0))
    disciplined: Count = doc("Số cán bộ, công chức bị xử lý kỷ luật.", Count(0))


@dataclass(frozen=True)
class Digital:
    """Electronic documents (chính quyền điện tử, chính quyền số)."""

    documents_sent: Count = doc("Số văn bản đi.")
    sent_electronically: Count = doc("Số văn bản đi được gửi dưới dạng điện tử.")
    signed_digitally: Count = doc("Số văn bản đi được ký số.")


@dataclass(frozen=True)
class Indicators:
    """Raw counts of the window; every group is optional (absent: no figures printed)."""

    assigned_tasks: AssignedTasks | None = doc("Nhiệm vụ cấp trên giao.", None)
    inspections: Inspections | None = doc("Kiểm tra cải cách hành chính.", None)
    outreach: Outreach | None = doc("Tuyên truyền cải cách hành chính.", None)
    documents: Documents | None = doc("Ban hành, rà soát văn bản.", None)
    procedures: Procedures | None = doc("Danh mục thủ tục hành chính.", None)
    dossiers: Dossiers | None = doc("Hồ sơ thủ tục hành chính.", None)
    feedback: Feedback | None = doc("Phản ánh, kiến nghị.", None)
    satisfaction: Satisfaction | None = doc("Mức độ hài lòng.", None)
    staff: Staff | None = doc("Bộ máy, công vụ.", None)
    digital: Digital | None = doc("Văn bản điện tử.", None)


# ---------------------------------------------------------------- narrative


def _story(text: str):
    return doc(text, ())


@dataclass(frozen=True)
class Narrative:
    """The words of the report, section by section; figures are added by the program."""

    direction: tuple[Paragraph, ...] = _story("I.1. Ban hành, triển khai kế hoạch và chỉ đạo, điều hành công tác CCHC.")
    inspection: tuple[Paragraph, ...] = _story("I.2. Công tác kiểm tra cải cách hành chính.")
    communication: tuple[Paragraph, ...] = _story("I.3. Công tác tuyên truyền cải cách hành chính.")
    initiatives: tuple[Paragraph, ...] = _story("I.4. Sáng kiến, mô hình mới; khảo sát sự hài lòng.")
    discipline: tuple[Paragraph, ...] = _story("I.5. Kỷ luật, kỷ cương hành chính; gắn CCHC với thi đua, khen thưởng.")
    institutions: tuple[Paragraph, ...] = _story("II.1. Cải cách thể chế.")
    procedures: tuple[Paragraph, ...] = _story("II.2. Cải cách thủ tục hành chính.")
    organisation: tuple[Paragraph, ...] = _story("II.3. Cải cách tổ chức bộ máy hành chính nhà nước.")
    civil_service: tuple[Paragraph, ...] = _story("II.4. Cải cách chế độ công vụ.")
    public_finance: tuple[Paragraph, ...] = _story("II.5. Cải cách tài chính công.")
    digital_government: tuple[Paragraph, ...] = _story(
        "II.6. Xây dựng và phát triển chính quyền điện tử, chính quyền số.")
    strengths: tuple[Paragraph, ...] = _story("III.1. Ưu điểm.")
    shortcomings: tuple[Paragraph, ...] = _story("III.2. Tồn tại, hạn chế.")
    causes_objective: tuple[Paragraph, ...] = _story("III.3.a. Nguyên nhân khách quan.")
    causes_subjective: tuple[Paragraph, ...] = _story("III.3.b. Nguyên nhân chủ quan.")
    next_tasks: tuple[Paragraph, ...] = _story(
        "IV. Phương hướng, nhiệm vụ kỳ tới (chương trình tự thêm các nhiệm vụ chưa hoàn thành).")
    proposals: tuple[Paragraph, ...] = _story(
        "V. Đề xuất, kiến nghị: mỗi đề xuất gắn với một hạn chế và nêu rõ cơ quan được đề nghị.")


# ---------------------------------------------------------------- the file


@dataclass(frozen=True)
class StatusFile:
    """A status file: the period, the report's metadata, task statuses, counts and narrative."""

    period: PeriodCode = doc("Kỳ báo cáo, trùng với tên tệp: `2025-Q3`, `2025-H1`, `2025-H2`, `2025-9M` hoặc `2025-Y`.")
    report: ReportInfo = doc("Thông tin văn bản báo cáo.")
    tasks: tuple[TaskStatus, ...] = doc("Tình trạng các nhiệm vụ; nhiệm vụ không ghi được coi là `chưa thực hiện`.", ())
    indicators: Indicators = doc("Số liệu thô trong kỳ (không ghi tỷ lệ, tổng cộng).", Indicators())
    narrative: Narrative = doc("Nội dung báo cáo theo từng mục.", Narrative())

    def status_of(self, task_id: str) -> TaskStatus | None:
        """The status recorded for ``task_id``, or None when the file does not mention it."""
        return self._by_task.get(task_id)

    @cached_property
    def _by_task(self) -> dict[str, TaskStatus]:
        """Each task's status (the first, if repeated): a search per task took 10,000 tasks × 10,000."""
        by_task: dict[str, TaskStatus] = {}
        for status in self.tasks:
            if status is not None:
                by_task.setdefault(status.id, status)
        return by_task


def reporting_calendar(plan_file: PlanFile) -> periods.Calendar:
    """The reporting settings for a plan: the issuing body's 9-month window, the plan's due day."""
    body, reporting = plan_file.issuing_body, plan_file.plan.reporting
    return periods.Calendar(
        nine_month_start=tuple(body.reporting_nine_month_start),
        nine_month_end=tuple(body.reporting_nine_month_end),
        due_day=int(reporting.due_day) if reporting else periods.Calendar.due_day,
    )
