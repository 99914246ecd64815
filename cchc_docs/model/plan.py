"""The plan file as typed records: the one declaration of the data format.

Each record is a frozen dataclass; each field says in Vietnamese what it means (that
text becomes ``docs/data-format.md``). Scalar types (:mod:`cchc_docs.model.values`,
re-exported here) parse the text the user wrote and say what they expected when it is
wrong. Numbering (I., 1., a)), punctuation at the
ends of căn cứ lines and recipients, and the "Lưu" line are *not* data: the contexts
generate them, so a plan can never number two sections "III.".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Literal

from cchc_docs.model.schema import doc
from cchc_docs.model.values import (
    Amount,
    Date,
    Deadline,
    DocNumber,
    Identifier,
    IssueDate,
    Leads,
    MonthDay,
    UnitCode,
)

# The reform areas of Nghị quyết 76/NQ-CP, plus "chỉ đạo, điều hành", in the order
# reports list them. Keys are the identifiers used in data (docs/glossary.md).
AREAS: dict[str, str] = {
    "direction": "Công tác chỉ đạo, điều hành",
    "institutions": "Cải cách thể chế",
    "procedures": "Cải cách thủ tục hành chính",
    "organisation": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "civil_service": "Cải cách chế độ công vụ",
    "public_finance": "Cải cách tài chính công",
    "digital_government": "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
}
AreaCode = Literal[
    "direction", "institutions", "procedures", "organisation",
    "civil_service", "public_finance", "digital_government",
]

# What a plan target can be measured by in a report (issue: periodic reports).
Measure = Literal["assigned_tasks", "self_inspection", "dossiers_tracked", "satisfaction"]


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Unit:
    """A unit (phòng, trung tâm, ban …) of the issuing body or working with it."""

    code: UnitCode = doc("Mã đơn vị, dùng để tham chiếu và in ở dòng \"Lưu: VT, …\". Ví dụ: `VHXH`.")
    name: str = doc("Tên đầy đủ. Ví dụ: `Phòng Văn hóa - Xã hội`.")
    short_name: str | None = doc("Tên ngắn in trong bảng Phụ lục. Mặc định là tên đầy đủ. Ví dụ: `Phòng VHXH`.", None)


@dataclass(frozen=True)
class IssuingBody:
    """The issuing body (cơ quan ban hành) of every document of the plan."""

    name: str = doc("Tên đầy đủ, viết thường theo quy tắc viết hoa, dùng trong câu văn. "
                    "Ví dụ: `Ủy ban nhân dân xã Thượng Hồng`.")
    header: tuple[str, ...] = doc("Tên in ở góc trái phần đầu văn bản, mỗi dòng một mục, CHỮ IN HOA. "
                                  "Ví dụ: `[ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]`.")
    abbreviation: str = doc("Chữ viết tắt trong ký hiệu văn bản. Ví dụ: `UBND` (cho `39/QĐ-UBND`).")
    place: str = doc("Địa danh ở dòng ngày tháng, không kèm chữ \"xã\". Ví dụ: `Thượng Hồng`.")
    governing_body: str | None = doc("Tên cơ quan chủ quản (nếu có), in hoa, không đậm, phía trên tên cơ quan "
                                     "ban hành.", None)
    reporting_nine_month_start: MonthDay = doc(
        "Ngày bắt đầu kỳ số liệu của báo cáo 9 tháng, dạng `MM-DD`; nếu sau ngày kết thúc thì thuộc năm trước. "
        "Nghị định 09/2019/NĐ-CP không quy định kỳ 9 tháng, mỗi tỉnh tự quy định. Mặc định `12-15` (15/12 năm trước).",
        MonthDay((12, 15)),
    )
    reporting_nine_month_end: MonthDay = doc(
        "Ngày chốt số liệu của báo cáo 9 tháng, dạng `MM-DD`. Mặc định `09-14` (14/9).", MonthDay((9, 14))
    )
    established: Date | None = doc("Ngày cơ quan bắt đầu hoạt động, khi mới thành lập hoặc sắp xếp (ví dụ "
                                   "`2025-07-01`): kỳ số liệu của báo cáo không bắt đầu trước ngày này.", None)


@dataclass(frozen=True)
class Signer:
    """Who signs, and with what authority (Điều 13 Nghị định 30/2020/NĐ-CP)."""

    title: str = doc("Chức vụ của người ký, CHỮ IN HOA. Ví dụ: `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`.")
    name: str = doc("Họ và tên người ký, không kèm học hàm, học vị.")
    on_behalf_of: str | None = doc("Ký thay mặt tập thể: tên tập thể sau \"TM.\". Ví dụ: `ỦY BAN NHÂN DÂN`.", None)
    prefix: Literal["KT.", "Q.", "TL.", "TUQ."] | None = doc(
        "Quyền hạn ký khác: `KT.` (ký thay), `Q.` (quyền), `TL.` (thừa lệnh), `TUQ.` (thừa ủy quyền).", None)
    for_title: str | None = doc("Chức vụ của người được ký thay (bắt buộc với `KT.`, `TL.`, `TUQ.`). "
                                "Ví dụ: `CHỦ TỊCH`.", None)


@dataclass(frozen=True)
class Decision:
    """The decision (Quyết định, Mẫu 1.3) that issues the plan."""

    type_code: ClassVar[str] = "QĐ"
    type_name: ClassVar[str] = "Quyết định"

    title: str = doc("Trích yếu, không có dấu chấm cuối. Ví dụ: `Ban hành Kế hoạch cải cách hành chính năm 2025`.")
    authority: str = doc("Dòng thẩm quyền ban hành, CHỮ IN HOA. Ví dụ: `ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG`.")
    legal_bases: tuple[str, ...] = doc("Các căn cứ, mỗi căn cứ một mục, không ghi chữ \"Căn cứ\" đầu dòng và dấu "
                                       "câu cuối dòng (chương trình tự thêm `;` và `.`).")
    articles: tuple[str, ...] = doc("Nội dung các Điều, không ghi \"Điều 1.\" (chương trình tự đánh số, tự thêm "
                                    "`./.` ở Điều cuối).")
    recipients: tuple[str, ...] = doc("Nơi nhận, mỗi nơi một mục, không ghi dấu `-` đầu dòng và `;` cuối dòng. "
                                      "Không ghi dòng \"Lưu\" (xem `archive`).")
    archive: tuple[UnitCode, ...] = doc("Mã đơn vị soạn thảo lưu văn bản, tạo dòng `- Lưu: VT, VHXH.`.")
    signer: Signer = doc("Người ký.")
    number: DocNumber | None = doc("Số văn bản sau khi ký, ví dụ `39`. Bỏ trống khi là dự thảo.", None)
    date: IssueDate | None = doc("Ngày ký `YYYY-MM-DD`; dự thảo ghi `YYYY-MM` hoặc bỏ trống (dùng tháng của "
                                 "ngày chạy lệnh).", None)
    proposal: str | None = doc("Nội dung sau \"Theo đề nghị của\", không có dấu chấm cuối.", None)


@dataclass(frozen=True)
class Text:
    """A paragraph of running text, without bullet or number."""

    text: str = doc("Nội dung đoạn văn.")

    @classmethod
    def from_scalar(cls, value: str) -> dict:
        return {"text": value}


@dataclass(frozen=True)
class Bullet:
    """A "-" item, optionally with "+" sub-items."""

    bullet: str = doc("Nội dung sau dấu `-`.")
    sub: tuple[str, ...] = doc("Các ý con, mỗi ý in sau dấu `+`.", ())


class Paragraph:
    """A paragraph of narrative: plain text, or a ``bullet`` (with optional ``sub`` items)."""

    expected = "một đoạn văn, hoặc nhóm trường có `bullet`"
    kinds: ClassVar[dict[str, type]] = {"bullet": Bullet, "text": Text}

    @classmethod
    def choose(cls, value: object) -> type:
        if isinstance(value, dict) and "bullet" in value:
            return Bullet
        return Text


@dataclass(frozen=True)
class Item:
    """A numbered item without a title (khoản or điểm): "1. …" or "a) …"."""

    item: str = doc("Nội dung; số thứ tự do chương trình tạo.")


@dataclass(frozen=True)
class Include:
    """A place where structured plan data is printed, e.g. the list of targets."""

    include: Literal["targets"] = doc("`targets`: in danh sách chỉ tiêu, mỗi chỉ tiêu một khoản.")


@dataclass(frozen=True)
class Heading:
    """A numbered item with a title (khoản "1. …" or điểm "a) …") and its body."""

    heading: str = doc("Tiêu đề, không ghi số thứ tự và dấu `:` cuối.")
    body: tuple[Block, ...] = doc("Nội dung bên dưới.", ())
    area: AreaCode | None = doc("Lĩnh vực cải cách mà mục này trình bày (liên kết với nhiệm vụ trong Phụ lục).", None)
    units: tuple[UnitCode, ...] = doc("Đơn vị mà mục này phân công trách nhiệm.", ())


class Block:
    """One element of a section body, chosen by its key (text, bullet, heading, item, include)."""

    expected = "một đoạn văn, hoặc nhóm trường có `bullet`, `heading`, `item` hoặc `include`"
    kinds: ClassVar[dict[str, type]] = {
        "bullet": Bullet, "heading": Heading, "item": Item, "include": Include, "text": Text}

    @classmethod
    def choose(cls, value: object) -> type:
        if isinstance(value, dict):
            for key, kind in cls.kinds.items():
                if key in value:
                    return kind
        return Text


@dataclass(frozen=True)
class Section:
    """A top-level section of the plan (mục I., II., …)."""

    title: str = doc("Tên mục, CHỮ IN HOA, không ghi số La Mã. Ví dụ: `MỤC ĐÍCH, YÊU CẦU`.")
    body: tuple[Block, ...] = doc("Nội dung của mục.", ())
    id: Identifier | None = doc("Mã của mục, cần khi một quyết định sửa đổi thay nội dung mục này. "
                                "Ví dụ: `KINH-PHI`.", None)


@dataclass(frozen=True)
class Target:
    """A target (chỉ tiêu) of the plan, measurable where it has a value."""

    id: Identifier = doc("Mã chỉ tiêu, ví dụ `CT02`.")
    text: str = doc("Câu chỉ tiêu như in trong Kế hoạch.")
    value: Amount | None = doc("Giá trị cần đạt, ví dụ `90`. Phải xuất hiện trong câu chỉ tiêu.", None)
    unit: str | None = doc("Đơn vị của giá trị, ví dụ `%`.", None)
    comparison: Literal[">=", "<=", "="] = doc(
        "Cách so sánh kết quả với giá trị: `>=` (tối thiểu), `<=` (tối đa), `=`.", ">=")
    measure: Measure | None = doc("Chỉ số trong báo cáo dùng để đánh giá chỉ tiêu.", None)


@dataclass(frozen=True)
class Task:
    """A task of the appendix (Phụ lục danh mục nhiệm vụ)."""

    id: Identifier = doc("Mã nhiệm vụ, duy nhất trong kế hoạch, ví dụ `T07`.")
    area: AreaCode = doc("Lĩnh vực cải cách.")
    content: str = doc("Nội dung nhiệm vụ.")
    lead: Leads = doc("Mã cơ quan chủ trì. Nhiệm vụ do nhiều cơ quan cùng chủ trì: danh sách mã, ví dụ `[VHXH, VP]` "
                      "(in \"Phòng VHXH, Văn phòng\"; mỗi cơ quan đều tính nhiệm vụ này trong số liệu của mình).")
    deadline: Deadline = doc("Thời gian hoàn thành.")
    product: str = doc("Sản phẩm.")
    partners: tuple[UnitCode, ...] = doc("Mã các cơ quan phối hợp.", ())
    partners_other: str | None = doc("Cơ quan phối hợp khác, ghi bằng chữ, "
                                     "ví dụ `Các cơ quan, đơn vị có liên quan`.", None)


@dataclass(frozen=True)
class Reporting:
    """Who collects the periodic reports on the plan, and when they are due."""

    hub: UnitCode = doc("Đơn vị tổng hợp báo cáo, ví dụ `VHXH`.")
    recipient: str = doc("Nơi nhận báo cáo của xã, ví dụ `Sở Nội vụ thành phố Hải Phòng`.")
    due_day: DocNumber = doc("Hạn gửi: trước ngày này của tháng cuối quý.", DocNumber(10))


@dataclass(frozen=True)
class PlanIssue:
    """A plan issued on its own (Kế hoạch số …/KH-UBND, Mẫu 1.4), signed without a decision.

    The plan then opens with its own header, số and date, and closes with Nơi nhận and
    the signature; reports cite it by its number instead of a decision's.
    """

    type_code: ClassVar[str] = "KH"
    type_name: ClassVar[str] = "Kế hoạch"

    recipients: tuple[str, ...] = doc("Nơi nhận, mỗi nơi một mục, không ghi dấu `-` đầu dòng, `;` cuối dòng và "
                                      "dòng \"Lưu\" (xem `archive`).")
    archive: tuple[UnitCode, ...] = doc("Mã đơn vị soạn thảo lưu văn bản, tạo dòng `- Lưu: VT, VHXH.`.")
    signer: Signer = doc("Người ký, ví dụ `{on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: …}`.")
    number: DocNumber | None = doc("Số của Kế hoạch sau khi ký, ví dụ `11` (in `Số: 11/KH-UBND`). "
                                   "Bỏ trống khi là dự thảo.", None)
    date: IssueDate | None = doc("Ngày ký `YYYY-MM-DD`; dự thảo ghi `YYYY-MM` hoặc bỏ trống.", None)
    legal_bases: tuple[str, ...] = doc(
        "Căn cứ in ở đầu Kế hoạch, mỗi căn cứ một dòng `Căn cứ …;`; không ghi chữ \"Căn cứ\" và dấu câu cuối.", ())
    implements: tuple[str, ...] = doc(
        "Văn bản mà Kế hoạch triển khai, mỗi văn bản một dòng `Thực hiện …;` sau các căn cứ; không ghi chữ "
        "\"Thực hiện\". Ví dụ: `Kế hoạch số 245/KH-UBND ngày 20/12/2024 của Ủy ban nhân dân tỉnh …`.", ())


@dataclass(frozen=True)
class Plan:
    """The plan (Kế hoạch), attached to the decision or issued on its own, with its targets and tasks."""

    title: str = doc("Trích yếu của Kế hoạch.")
    start: Date = doc("Ngày bắt đầu thời gian thực hiện kế hoạch.")
    end: Date = doc("Ngày kết thúc thời gian thực hiện kế hoạch.")
    sections: tuple[Section, ...] = doc("Các mục của Kế hoạch, theo thứ tự.")
    targets: tuple[Target, ...] = doc("Các chỉ tiêu chủ yếu.", ())
    tasks: tuple[Task, ...] = doc("Danh mục nhiệm vụ (Phụ lục).", ())
    reporting: Reporting | None = doc("Chế độ báo cáo định kỳ.", None)
    issue: PlanIssue | None = doc("Kế hoạch ban hành độc lập, có số riêng (`Số: 11/KH-UBND`), không kèm Quyết định: "
                                  "số, ngày, nơi nhận, người ký. Khi có trường này thì bỏ `decision`.", None)


class Fields(dict):
    """Field values that an amendment gives to an item; checked once the change is applied."""

    expected = "một nhóm trường của mục được thêm hoặc sửa, ví dụ {deadline: \"2025-12-15\"}"
    raw_mapping = True


@dataclass(frozen=True)
class Change:
    """One change of an amendment: add, change or remove one task, target, section or unit."""

    action: Literal["add", "change", "remove"] = doc("`add` (bổ sung), `change` (sửa đổi) hoặc `remove` (bãi bỏ).")
    reason: str = doc("Lý do, in ở cột \"Lý do\" của bảng so sánh.")
    task: Identifier | None = doc("Mã nhiệm vụ được thay đổi (ghi đúng một trong task, target, section, unit).", None)
    target: Identifier | None = doc("Mã chỉ tiêu được thay đổi.", None)
    section: Identifier | None = doc("Mã mục của Kế hoạch được thay đổi (trường `id` của mục).", None)
    unit: UnitCode | None = doc("Mã đơn vị được thay đổi.", None)
    set: Fields | None = doc("Các trường mới (với `add`: đủ các trường bắt buộc; với `change`: chỉ các trường "
                             "thay đổi).", None)


@dataclass(frozen=True)
class AmendmentDecision:
    """The decision that amends the plan ("Quyết định sửa đổi, bổ sung Kế hoạch …")."""

    title: str = doc("Trích yếu. Ví dụ: `Sửa đổi, bổ sung Kế hoạch cải cách hành chính … năm 2025`.")
    authority: str = doc("Dòng thẩm quyền ban hành, CHỮ IN HOA.")
    legal_bases: tuple[str, ...] = doc("Các căn cứ (không ghi Quyết định ban hành Kế hoạch: chương trình tự thêm "
                                       "làm căn cứ cuối).")
    executors: str = doc("Những người chịu trách nhiệm thi hành, in ở Điều cuối. "
                         "Ví dụ: `Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội`.")
    recipients: tuple[str, ...] = doc("Nơi nhận (như Quyết định ban hành).")
    archive: tuple[UnitCode, ...] = doc("Mã đơn vị soạn thảo lưu văn bản.")
    signer: Signer = doc("Người ký.")
    number: DocNumber | None = doc("Số văn bản sau khi ký; bỏ trống khi là dự thảo.", None)
    date: IssueDate | None = doc("Ngày ký; từ ngày này các báo cáo dùng kế hoạch đã sửa đổi.", None)
    proposal: str | None = doc("Nội dung sau \"Theo đề nghị của\".", None)


@dataclass(frozen=True)
class Amendment:
    """An amendment of the plan: its decision and its changes, applied in order."""

    id: Identifier = doc("Mã của lần sửa đổi, dùng trong tên tệp kết quả. Ví dụ: `SD01`.")
    decision: AmendmentDecision = doc("Quyết định sửa đổi, bổ sung.")
    changes: tuple[Change, ...] = doc("Các thay đổi, áp dụng theo thứ tự.")


@dataclass(frozen=True)
class Submission:
    """The Tờ trình (loại TTr, Mẫu 1.4) by which a unit proposes the plan to the People's Committee.

    Written by the unit (e.g. Phòng Văn hóa - Xã hội) under its own number (``25/TTr-VHXH``)
    before the decision; the decision's "Theo đề nghị của …" cites it when present.
    """

    type_code: ClassVar[str] = "TTr"
    type_name: ClassVar[str] = "Tờ trình"

    unit: UnitCode = doc("Mã đơn vị trình (đơn vị soạn thảo Kế hoạch), dùng trong ký hiệu: `VHXH` cho `25/TTr-VHXH`.")
    signer: Signer = doc("Người ký của đơn vị, ví dụ `{title: TRƯỞNG PHÒNG, name: …}`; cấp phó ký thay: "
                         "`{prefix: KT., for_title: TRƯỞNG PHÒNG, title: PHÓ TRƯỞNG PHÒNG, name: …}`.")
    number: DocNumber | None = doc("Số của Tờ trình sau khi ký, ví dụ `25`. Bỏ trống khi là dự thảo.", None)
    date: IssueDate | None = doc("Ngày ký `YYYY-MM-DD`; không sau ngày của Quyết định (hoặc Kế hoạch) được "
                                 "trình.", None)
    recipients: tuple[str, ...] = doc("Nơi nhận khác, mỗi nơi một mục (chương trình tự thêm `- Như trên;` đầu và "
                                      "`- Lưu: VT, <đơn vị>.` cuối).", ())
    proposer: str | None = doc(
        "Chức danh người đứng đầu đơn vị như Quyết định ghi sau \"Theo đề nghị của\". Mặc định: `Trưởng` + tên "
        "đơn vị, ví dụ `Trưởng phòng Văn hóa - Xã hội`.", None)
    legal_bases: tuple[str, ...] = doc("Căn cứ của Tờ trình, mỗi căn cứ một mục. Mặc định: các căn cứ của Quyết "
                                       "định (hoặc của Kế hoạch ban hành độc lập).", ())
    need: tuple[Paragraph, ...] = doc("Mục I \"Sự cần thiết ban hành Kế hoạch\": các đoạn văn (có thể là `bullet`). "
                                      "Bỏ trống: chương trình viết một đoạn từ các căn cứ và thời gian thực hiện.", ())


@dataclass(frozen=True)
class PlanFile:
    """A plan file: the issuing body, its units, the decision (or the plan's own issue) and the plan."""

    issuing_body: IssuingBody = doc("Cơ quan ban hành.")
    units: tuple[Unit, ...] = doc("Các đơn vị được nhắc tới bằng mã.")
    decision: Decision | None = doc("Quyết định ban hành Kế hoạch. Bỏ trống khi Kế hoạch ban hành độc lập "
                                    "(`plan.issue`): ghi đúng một trong hai.", None, kw_only=True)
    plan: Plan = doc("Kế hoạch.")
    submission: Submission | None = doc("Tờ trình đề nghị ban hành Kế hoạch (sinh `to-trinh.docx`).", None)
    amendments: tuple[Amendment, ...] = doc("Các lần sửa đổi, bổ sung Kế hoạch, theo thứ tự ban hành.", ())

    def unit(self, code: str) -> Unit:
        return self._units_by_code[code] if code in self._units_by_code else next(
            u for u in self.units if u.code == code)

    @cached_property
    def _units_by_code(self) -> dict[str, Unit]:
        """Each unit by its code, the first of a repeated one: every task row names its units."""
        by_code: dict[str, Unit] = {}
        for unit in self.units:
            by_code.setdefault(unit.code, unit)
        return by_code

    @property
    def issuer(self) -> Decision | PlanIssue:
        """The document that issued the plan, with its number, date, signer and Nơi nhận.

        The decision, or the plan's own issue when the plan stands alone; validation
        makes sure there is exactly one of the two.
        """
        return self.decision if self.decision is not None else self.plan.issue

