"""Generate docs/data-format.md from the record declarations in cchc_docs/model/plan.py.

The field tables come from the one declaration of the format (each field's ``doc``),
so the documentation cannot drift from what the validator accepts;
``tests/tools/test_make_docs.py`` fails when the committed file is stale and checks
that the example in it validates. Run: ``python tools/make_docs.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The checkout's package, even when another copy is installed.
from cchc_docs.model import compose, periods, plan, source, status, validate, values  # noqa: E402
from cchc_docs.model.schema import MAX_TEXT, field_docs  # noqa: E402

RECORDS = [
    ("Tệp kế hoạch (gốc)", plan.PlanFile),
    ("issuing_body — cơ quan ban hành", plan.IssuingBody),
    ("units[] — đơn vị", plan.Unit),
    ("decision — Quyết định ban hành Kế hoạch", plan.Decision),
    ("decision.signer — người ký", plan.Signer),
    ("plan — Kế hoạch", plan.Plan),
    ("plan.sections[] — mục của Kế hoạch", plan.Section),
    ("Khối nội dung: đoạn văn", plan.Text),
    ("Khối nội dung: ý gạch đầu dòng", plan.Bullet),
    ("Khối nội dung: khoản hoặc điểm có tiêu đề", plan.Heading),
    ("Khối nội dung: khoản hoặc điểm không tiêu đề", plan.Item),
    ("Khối nội dung: chèn dữ liệu có cấu trúc", plan.Include),
    ("plan.targets[] — chỉ tiêu", plan.Target),
    ("plan.tasks[] — nhiệm vụ trong Phụ lục", plan.Task),
    ("plan.reporting — chế độ báo cáo", plan.Reporting),
    ("plan.issue — Kế hoạch ban hành độc lập (không kèm Quyết định)", plan.PlanIssue),
    ("submission — Tờ trình đề nghị ban hành Kế hoạch", plan.Submission),
    ("amendments[] — lần sửa đổi, bổ sung Kế hoạch", plan.Amendment),
    ("amendments[].decision — Quyết định sửa đổi, bổ sung", plan.AmendmentDecision),
    ("amendments[].changes[] — một thay đổi", plan.Change),
]

EXAMPLE = """\
issuing_body:
  name: Ủy ban nhân dân xã Thượng Hồng
  header: [ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]
  abbreviation: UBND
  place: Thượng Hồng

units:
  - code: VHXH
    name: Phòng Văn hóa - Xã hội
    short_name: Phòng VHXH
  - code: VP
    name: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã

decision:
  number: "05"            # bỏ dòng này khi còn là dự thảo
  date: "2025-01-05"      # hoặc "2025-01" khi chưa biết ngày ký
  title: Ban hành Kế hoạch cải cách hành chính năm 2025 của xã Thượng Hồng
  authority: ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG
  legal_bases:
    - Luật Tổ chức chính quyền địa phương ngày 19/6/2015
    - Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính \
nhà nước giai đoạn 2021-2030
  proposal: Trưởng phòng Văn hóa - Xã hội
  articles:
    - Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025 của xã Thượng Hồng.
    - Quyết định này có hiệu lực kể từ ngày ký.
    - Chánh Văn phòng, Trưởng phòng Văn hóa - Xã hội và các cơ quan, đơn vị có liên quan chịu trách nhiệm \
thi hành Quyết định này.
  recipients:
    - Như Điều 3
    - Sở Nội vụ thành phố Hải Phòng
  archive: [VHXH]
  signer:
    on_behalf_of: ỦY BAN NHÂN DÂN
    title: CHỦ TỊCH
    name: Nguyễn Văn An

plan:
  title: Cải cách hành chính năm 2025 của xã Thượng Hồng
  start: "2025-01-01"
  end: "2025-12-31"
  sections:
    - title: MỤC ĐÍCH, YÊU CẦU
      body:
        - heading: Mục đích
          body:
            - bullet: Nâng cao chất lượng phục vụ người dân, doanh nghiệp.
    - title: CÁC CHỈ TIÊU CHỦ YẾU
      body:
        - include: targets
    - title: NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
      body:
        - heading: Cải cách thủ tục hành chính
          area: procedures
          body:
            - bullet: "Rà soát, đơn giản hóa thủ tục hành chính nội bộ:"
              sub:
                - Thống kê thủ tục hành chính nội bộ.
            - Đoạn văn không có gạch đầu dòng.
    - title: TỔ CHỨC THỰC HIỆN
      body:
        - heading: Phân công trách nhiệm
          body:
            - heading: Phòng Văn hóa - Xã hội
              units: [VHXH]
              body:
                - bullet: Theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
            - item: Đề nghị Mặt trận Tổ quốc Việt Nam xã tham gia giám sát.
  targets:
    - id: CT01
      text: Mức độ hài lòng của người dân về giải quyết thủ tục hành chính đạt 90% trở lên.
      value: "90"
      unit: "%"
      measure: satisfaction
  tasks:
    - id: T01
      area: procedures
      content: Rà soát, đơn giản hóa thủ tục hành chính nội bộ
      lead: VHXH
      partners: [VP]
      deadline: "2025-Q2"
      product: Báo cáo kết quả rà soát
  reporting:
    hub: VHXH
    recipient: Sở Nội vụ thành phố Hải Phòng
    due_day: "10"
"""

AMENDMENT_EXAMPLE = """\
amendments:
  - id: SD01                       # dùng trong tên tệp: quyet-dinh-sua-doi-sd01.docx
    decision:
      number: "52"                 # bỏ trống khi còn là dự thảo
      date: "2025-10-15"           # từ ngày này, báo cáo các kỳ sau dùng kế hoạch đã sửa
      title: Sửa đổi, bổ sung Kế hoạch cải cách hành chính năm 2025 của xã Thượng Hồng
      authority: ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG
      legal_bases:
        - Luật Tổ chức chính quyền địa phương ngày 16/6/2025
      proposal: Trưởng phòng Văn hóa - Xã hội
      executors: Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội
      recipients: [Như Điều 4, Sở Nội vụ thành phố Hải Phòng]
      archive: [VHXH]
      signer: {on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Nguyễn Văn An}
    changes:
      - action: change             # sửa đổi: chỉ ghi các trường thay đổi
        task: T01
        set: {deadline: "2025-11-30"}
        reason: Lùi thời hạn theo hướng dẫn của Sở Nội vụ
      - action: add                # bổ sung: ghi đủ các trường bắt buộc; mã mới, chưa có trong kế hoạch
        task: T43
        set: {area: procedures, content: Số hóa hồ sơ thủ tục hành chính, lead: VP, deadline: "2025-Q4", \
product: Hồ sơ được số hóa}
        reason: Bổ sung theo chỉ đạo của Ủy ban nhân dân thành phố
      - action: remove             # bãi bỏ
        target: CT01
        reason: Chỉ tiêu đã được giao lại trong kế hoạch của thành phố
"""

AMENDMENT_TEXT = """\
## Sửa đổi, bổ sung Kế hoạch

Mỗi lần Kế hoạch được sửa đổi, bổ sung, thêm một mục vào danh sách `amendments` ở cuối tệp
kế hoạch — **không sửa** phần kế hoạch đã ban hành. Các lần sửa đổi được áp dụng theo thứ tự.
Mỗi thay đổi chỉ rõ **một** mục bằng mã: `task` (nhiệm vụ), `target` (chỉ tiêu), `section`
(mục của Kế hoạch, theo trường `id` của mục) hoặc `unit` (đơn vị); hành động `add`, `change`
hoặc `remove`; các trường mới trong `set`; và lý do (in ở bảng so sánh). Quyết định sửa đổi
tự có căn cứ là Quyết định ban hành Kế hoạch (và các quyết định sửa đổi trước), tự có các
Điều nêu từng thay đổi.

Lỗi trong một lần sửa đổi (mã không có, mã bổ sung đã có, một mục bị thay đổi hai lần, giá trị
sai) được báo ngay tại dòng của lần sửa đổi đó.

**Số thứ tự không đổi.** Nhiệm vụ và chỉ tiêu giữ số mà Kế hoạch đã ban hành cho chúng; nhiệm
vụ, chỉ tiêu được bổ sung mang số tiếp theo số lớn nhất đã có, theo thứ tự bổ sung (nhiệm vụ vẫn
được xếp vào lĩnh vực của nó trong Danh mục); số của mục bị bãi bỏ không được dùng lại. Vì vậy
"nhiệm vụ số 16" trong Quyết định sửa đổi, trong Kế hoạch hợp nhất và trong mọi báo cáo đều chỉ
một nhiệm vụ.
"""

ISSUED_PLAN_TEXT = """\
## Kế hoạch ban hành độc lập (`plan.issue`)

Nhiều xã ban hành Kế hoạch cải cách hành chính không kèm Quyết định: Kế hoạch có số riêng
(`Số: 11/KH-UBND`), ngày ký, Nơi nhận và chữ ký của Chủ tịch (Mẫu 1.4, văn bản có tên loại).
Khi đó bỏ `decision` và ghi `plan.issue`; ghi cả hai, hoặc không ghi cái nào, là lỗi.

- `cchc-docs build` sinh `ke-hoach.docx` (Kế hoạch và Phụ lục "Kèm theo Kế hoạch số …") thay cho
  `quyet-dinh.docx`; có `number` thì đó là văn bản đã ban hành, không bị ghi đè.
- Căn cứ (`legal_bases`) và văn bản được triển khai (`implements`) in thành các dòng `Căn cứ …;`,
  `Thực hiện …;` ở đầu Kế hoạch, tiếp theo là câu "Ủy ban nhân dân xã … ban hành Kế hoạch …
  như sau:"; không có căn cứ thì Kế hoạch vào thẳng mục I.
- Báo cáo định kỳ, phiếu Excel, công văn đôn đốc dẫn "Kế hoạch số 11/KH-UBND ngày … về …" thay
  cho Quyết định; người ký và đơn vị lưu mặc định của báo cáo lấy từ `plan.issue`.
- **Sửa đổi, bổ sung**: chưa hỗ trợ cho Kế hoạch ban hành độc lập. `amendments` trong tệp như
  vậy bị báo lỗi tại dòng của nó. Kế hoạch sửa đổi là một văn bản mới có số riêng: lập một tệp
  kế hoạch mới (với `plan.issue` của văn bản mới). Lý do: Quyết định sửa đổi của chương trình
  dẫn Quyết định ban hành và in bảng so sánh theo Điều của nó; một Kế hoạch không có Điều, và
  các xã sửa Kế hoạch độc lập theo nhiều cách (Kế hoạch sửa đổi, Quyết định sửa đổi, Công văn)
  chưa thống nhất, nên chương trình không đoán thay người soạn.
"""

ISSUED_PLAN_EXAMPLE = """\
plan:                          # bỏ cả phần decision; title, start, end, sections… giữ như trên
  issue:
    number: "11"               # bỏ trống khi còn là dự thảo
    date: "2025-01-10"
    legal_bases:
      - Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách \
hành chính nhà nước giai đoạn 2021-2030
    implements:
      - Kế hoạch số 312/KH-UBND ngày 25/12/2024 của Ủy ban nhân dân huyện Châu Thành về cải cách hành \
chính năm 2025
    recipients: [UBND huyện Châu Thành, "TT Đảng ủy, TT HĐND xã", "CT, các PCT UBND xã"]
    archive: [VHXH]
    signer: {on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Trần Văn Bình}
"""

SUBMISSION_TEXT = """\
## Tờ trình đề nghị ban hành Kế hoạch (`submission`)

Trình tự thật của văn thư: đơn vị soạn thảo (ví dụ Phòng Văn hóa - Xã hội) lập **Tờ trình**
gửi Ủy ban nhân dân xã, kèm dự thảo Quyết định (và Kế hoạch); Ủy ban nhân dân xã ký Quyết định
"Theo đề nghị của Trưởng phòng Văn hóa - Xã hội tại Tờ trình số 25/TTr-VHXH ngày 31/7/2025".
Có `submission`, `cchc-docs build` sinh thêm `to-trinh.docx` từ cùng dữ liệu:

- phần đầu: `UBND XÃ THƯỢNG HỒNG` (cơ quan chủ quản, viết tắt "Ủy ban nhân dân" theo Phụ lục I,
  mục II.2) và tên đơn vị in hoa, đậm; `Số: 25/TTr-VHXH` (ký hiệu theo mã đơn vị `unit`);
- `TỜ TRÌNH`, trích yếu "Về việc ban hành Kế hoạch …" (theo trích yếu của Quyết định), "Kính
  gửi: Ủy ban nhân dân xã …", các dòng căn cứ (mặc định: căn cứ của Quyết định);
- I. Sự cần thiết ban hành Kế hoạch (`need`, hoặc một đoạn chương trình viết), II. Nội dung chính
  của Kế hoạch (bố cục, số chỉ tiêu, số nhiệm vụ theo lĩnh vực và theo cơ quan chủ trì, thời gian
  thực hiện: chương trình đếm từ chính Kế hoạch nên không thể lệch dự thảo), III. Đề xuất;
- Nơi nhận `- Như trên;` … `- Lưu: VT, VHXH.` và chữ ký của người đứng đầu đơn vị.

Khi `decision.proposal` bỏ trống, dòng "Theo đề nghị của …" của Quyết định được lấy từ Tờ trình:
`<proposer> tại Tờ trình số 25/TTr-VHXH ngày 31/7/2025`. Chương trình báo lỗi khi Quyết định
(hoặc Kế hoạch ban hành độc lập) ký **trước** Tờ trình, và khi `decision.proposal` dẫn một Tờ
trình có số khác số của `submission`.
"""

SUBMISSION_EXAMPLE = """\
submission:
  number: "02"                 # bỏ trống khi còn là dự thảo
  date: "2025-01-03"           # không sau ngày của Quyết định
  unit: VHXH
  signer: {title: TRƯỞNG PHÒNG, name: Nguyễn Thị Hoa}
  recipients: ["CT, các PCT UBND xã"]
  need:
    - Xã cần kế hoạch cải cách hành chính năm 2025 để triển khai các nhiệm vụ, chỉ tiêu của thành phố.
"""

JOINT_LEAD_TEXT = """\
## Nhiệm vụ do nhiều cơ quan cùng chủ trì

`lead` của nhiệm vụ là một mã đơn vị (`lead: VHXH`), hoặc danh sách mã khi nhiều cơ quan cùng chủ
trì (`lead: [VHXH, VP]`). Phụ lục của Kế hoạch, Phụ lục I của báo cáo và các câu nêu nhiệm vụ in
"Phòng VHXH, Văn phòng" (tên ngắn `short_name` của từng đơn vị, theo thứ tự đã ghi). Khi đếm
theo từng cơ quan (Biểu 1 của báo cáo, phiếu báo cáo Excel, công văn đôn đốc, Tờ trình), nhiệm vụ
được tính cho **mỗi** cơ quan chủ trì; dòng "Tổng cộng" vẫn đếm mỗi nhiệm vụ một lần
(docs/status-format.md). Một mã ghi hai lần, hay vừa chủ trì vừa phối hợp, là lỗi.
"""

INTRO = """\
# Định dạng dữ liệu kế hoạch (YAML)

> Tệp này được sinh từ `cchc_docs/model/plan.py` bằng `python tools/make_docs.py`; đừng sửa tay
> các bảng trường — sửa chú thích của trường trong mã nguồn rồi chạy lại lệnh.

Mỗi kế hoạch là một tệp YAML (mã UTF-8) gồm bốn phần: cơ quan ban hành (`issuing_body`),
các đơn vị (`units`), Quyết định ban hành (`decision`) và Kế hoạch (`plan`, gồm cả chỉ tiêu
và danh mục nhiệm vụ của Phụ lục). Kế hoạch ban hành độc lập, có số riêng, thay `decision` bằng
`plan.issue`; Tờ trình đề nghị ban hành Kế hoạch ghi ở `submission` (xem các mục cuối). Lệnh
`cchc-docs validate TỆP.yaml` kiểm tra tệp và báo **mọi** lỗi cùng lúc, mỗi lỗi kèm
`tệp:dòng:cột` và đường dẫn trường.

## Những điều chương trình tự làm — không ghi trong dữ liệu

- **Số thứ tự**: mục `I.`, `II.`…, khoản `1.`, `2.`…, điểm `a)`, `b)`… (theo bảng chữ cái
  tiếng Việt, có `đ)`), số Điều (`Điều 1.`), số chỉ tiêu, số thứ tự trong bảng Phụ lục.
- **Dấu câu cuối dòng** theo Nghị định 30/2020/NĐ-CP: căn cứ kết thúc bằng `;`, dòng cuối
  bằng `.`; Nơi nhận bắt đầu bằng `-` và kết thúc bằng `;`; Điều cuối và đoạn cuối của Kế
  hoạch kết thúc bằng `./.`.
- **Dòng Lưu**: `- Lưu: VT, VHXH.` tạo từ trường `decision.archive`.
- **Dòng "Kèm theo"** của Kế hoạch và Phụ lục, tạo từ số, ngày của Quyết định và tên cơ quan.
- **Bản dự thảo**: khi chưa có `decision.number`, dòng số là `Số:      /QĐ-UBND`; khi chưa có
  ngày, dòng ngày để trống ngày (`ngày      tháng 7 năm 2025`).

## Lưu ý khi viết YAML

- Mọi giá trị được giữ **đúng như đã viết**: `05` vẫn là "05", `no` vẫn là chữ "no". Ngày
  không có thật (như `2025-02-30`) bị báo lỗi.
- Nên đặt số và ngày trong dấu nháy kép (`"05"`, `"2025-07-31"`), và đặt trong dấu nháy mọi
  văn bản có `: ` hoặc bắt đầu bằng ký tự đặc biệt (`"- "`, `"#"`, `"{"`).
- Mỗi mục danh sách là **một đoạn văn**: không xuống dòng bên trong một câu.
- Trường không có trong bảng dưới đây là lỗi (chương trình gợi ý tên gần đúng).
"""


def field_table(kind) -> str:
    rows = ["| Trường | Kiểu | Bắt buộc | Ý nghĩa |", "|---|---|---|---|"]
    for name, type_text, required, meaning in field_docs(kind):
        rows.append(f"| `{name}` | {type_text} | {'có' if required else 'không'} | {meaning} |")
    return "\n".join(rows)


def areas_table() -> str:
    rows = ["| Mã | Lĩnh vực |", "|---|---|"]
    rows += [f"| `{code}` | {name} |" for code, name in plan.AREAS.items()]
    return "\n".join(rows)


def render() -> str:
    parts = [INTRO, "## Ví dụ đầy đủ\n", f"```yaml\n{EXAMPLE}```\n"]
    for title, kind in RECORDS:
        parts.append(f"## {title}\n\n{field_table(kind)}\n")
    parts.append(f"{AMENDMENT_TEXT}\n```yaml\n{AMENDMENT_EXAMPLE}```\n")
    parts.append(f"{ISSUED_PLAN_TEXT}\n```yaml\n{ISSUED_PLAN_EXAMPLE}```\n")
    parts.append(f"{SUBMISSION_TEXT}\n```yaml\n{SUBMISSION_EXAMPLE}```\n")
    parts.append(JOINT_LEAD_TEXT)
    parts.append(VALUE_TYPES)
    parts.append(limits())
    parts.append(f"## Mã lĩnh vực cải cách (`area`)\n\n{areas_table()}\n")
    return "\n".join(parts)


VALUE_TYPES = """\
## Các kiểu giá trị

| Kiểu | Cách viết | Ví dụ |
|---|---|---|
| Ngày | `YYYY-MM-DD` | `"2025-07-31"` |
| Ngày ký | `YYYY-MM-DD`, hoặc `YYYY-MM` cho dự thảo chưa biết ngày | `"2025-07"` |
| Thời hạn nhiệm vụ | một ngày, một tháng, một quý hoặc `thường xuyên` | \
`"2025-09-30"`, `"2025-09"`, `"2025-Q3"`, `thường xuyên` |
| Số văn bản | số thứ tự, không kèm ký hiệu | `"39"`, `"05"` |
| Mã đơn vị | chữ in hoa và chữ số | `VHXH` |
| Giá trị chỉ tiêu | một số, phần thập phân dùng dấu phẩy | `"90"`, `"96,5"` |

Thời hạn được in trong Phụ lục là `30/9/2025`, `Tháng 9/2025`, `Quý III/2025`, `Thường xuyên`.
"""


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def limits() -> str:
    """The limits and character rules, from the constants the reader and validator use."""
    years = periods.YEARS
    return f"""\
## Giới hạn và ký tự bị từ chối

Những giới hạn này giữ cho một tệp hỏng hoặc cố ý phá hoại không làm treo máy; dữ liệu thật
của một xã còn rất xa chúng. Vượt giới hạn là một lỗi có dòng:cột.

| Giới hạn | Giá trị |
|---|---|
| Kích thước tệp dữ liệu | {source.MAX_FILE_BYTES // 2**20} MB |
| Độ sâu lồng nhau (danh sách, nhóm trường) | {compose.MAX_DEPTH} tầng |
| Số giá trị sau khi mở mọi tham chiếu `*neo` | {_n(compose.MAX_VALUES)} |
| Độ dài một giá trị văn bản | {_n(MAX_TEXT)} ký tự |
| Số nhiệm vụ của một kế hoạch | {_n(validate.MAX_TASKS)} |
| Mã (nhiệm vụ, chỉ tiêu, mục, lần sửa đổi) | {values.Identifier.max_length} ký tự, không phân biệt hoa thường |
| Mã đơn vị | {values.UnitCode.max_length} ký tự |
| Số văn bản | {values.DocNumber.max_digits} chữ số |
| Số lượng trong tệp số liệu | {status.Count.max_digits} chữ số |
| Năm của mọi ngày, thời hạn, kỳ báo cáo | từ {years[0]} đến {years[-1]} |

Tệp được đọc ở mã UTF-8 (có hoặc không có BOM), UTF-16 hoặc UTF-32 như Notepad, Excel lưu.
Tệp ở bảng mã cũ (Windows-1258, Windows-1252, TCVN3…) bị từ chối tại dòng:cột của chữ đầu
tiên không đọc được, kèm cách lưu lại ở UTF-8. Thẻ YAML (`!!binary`, `!!python/…`) bị từ chối.

Trong mọi giá trị, những ký tự in sai hoặc không in được bị từ chối, kèm vị trí và cách sửa:

- ký tự điều khiển (U+0000–U+001F trừ xuống dòng và Tab, U+007F–U+009F), mã hỏng (nửa cặp
  UTF-16), ký tự không hợp lệ (U+FFFE, U+FFFF, vùng riêng);
- ký tự vô hình: khoảng trắng không độ rộng (U+200B), ký tự nối (U+200C, U+200D, U+2060),
  BOM lẫn trong chữ (U+FEFF), gạch nối mềm (U+00AD);
- ký tự đảo chiều chữ (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069);
- dấu cách lạ (U+2000–U+200A, U+202F, U+3000…); dấu cách không ngắt (U+00A0) được giữ, vì
  có khi cần thật;
- chữ trông giống chữ Việt nhưng khác mã: `ǎ ǒ ǔ` (dấu mũ ngược, từ bảng mã cũ) thay cho
  `ă ơ ư`, `ð Ð` thay cho `đ Đ`, chữ Kirin (`а о е р с`…) hay Hy Lạp (`ο α ν`…) lẫn trong chữ
  Latinh: chương trình gợi ý từ đúng, ví dụ "có phải ý bạn là 'năm'?";
- dấu thanh rời không ghép được vào chữ trước nó.

Xuống dòng và Tab bên trong một giá trị được in thành một dấu cách. Một dòng `- …` thụt lề
sâu hơn các mục cùng danh sách (YAML sẽ lặng lẽ gộp nó vào mục trên) bị báo lỗi.
"""


def main() -> None:
    target = ROOT / "docs" / "data-format.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(f"đã tạo {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
