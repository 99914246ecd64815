"""Tests for cchc_docs.contexts.plan: numbering of the plan body and the appendix rows."""

from __future__ import annotations

from helpers import MINIMAL_PLAN, context_of, edited

from cchc_docs.contexts.plan import bare_heading

SECTIONS = """\
  sections:
    - title: MỤC ĐÍCH, YÊU CẦU
      body:
        - heading: Mục đích
          body:
            - bullet: Nâng cao chất lượng phục vụ.
    - title: CÁC CHỈ TIÊU CHỦ YẾU
      body:
        - include: targets
    - title: TỔ CHỨC THỰC HIỆN
      body:
        - Các phòng triển khai Kế hoạch này.
"""


def plan_with(sections: str, extra: str = "") -> dict:
    """The plan context of MINIMAL_PLAN with other sections (and more plan fields)."""
    return context_of(edited(MINIMAL_PLAN, SECTIONS, sections + extra))["plan"]


def lines(plan: dict) -> list[str]:
    return [p["lead"] + p["text"] for p in plan["paragraphs"]]


def test_minimal_plan_reads_as_numbered_paragraphs():
    assert lines(context_of(MINIMAL_PLAN)["plan"]) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao chất lượng phục vụ.",
        "II. CÁC CHỈ TIÊU CHỦ YẾU",
        "1. Hoàn thành 100% nhiệm vụ được giao.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các phòng triển khai Kế hoạch này./.",
    ]


def test_paragraph_kinds_tell_the_template_which_style_to_use():
    kinds = [p["kind"] for p in context_of(MINIMAL_PLAN)["plan"]["paragraphs"]]
    assert kinds == ["section", "heading", "text", "section", "text", "section", "text"]


def test_five_sections_are_numbered_i_to_v_whatever_the_seed_numbered_them():
    sections = "  sections:\n" + "".join(
        f"    - title: MỤC {n}\n      body:\n        - Nội dung {n}.\n" for n in range(1, 6)
    )
    sections = sections.replace("        - Nội dung 2.\n", "        - include: targets\n")
    heads = [p for p in plan_with(sections)["paragraphs"] if p["kind"] == "section"]
    assert [p["lead"] for p in heads] == ["I. ", "II. ", "III. ", "IV. ", "V. "]


def test_khoan_numbering_restarts_in_each_section_and_skips_unnumbered_blocks():
    sections = """\
  sections:
    - title: MỤC MỘT
      body:
        - Đoạn mở đầu.
        - heading: Khoản một
        - bullet: Ý gạch đầu dòng.
        - item: Khoản hai không tiêu đề.
        - heading: Khoản ba
    - title: MỤC HAI
      body:
        - heading: Khoản một của mục hai
        - include: targets
"""
    assert lines(plan_with(sections)) == [
        "I. MỤC MỘT",
        "Đoạn mở đầu.",
        "1. Khoản một",
        "- Ý gạch đầu dòng.",
        "2. Khoản hai không tiêu đề.",
        "3. Khoản ba",
        "II. MỤC HAI",
        "1. Khoản một của mục hai",
        "2. Hoàn thành 100% nhiệm vụ được giao./.",
    ]


def test_points_follow_the_vietnamese_alphabet_with_d_stroke_after_d():
    points = "".join(f"            - item: Điểm {n}.\n" for n in range(1, 8))
    sections = f"""\
  sections:
    - title: MỤC MỘT
      body:
        - include: targets
        - heading: Khoản có điểm
          body:
{points}"""
    leads = [p["lead"] for p in plan_with(sections)["paragraphs"]][3:]
    assert leads == ["a) ", "b) ", "c) ", "d) ", "đ) ", "e) ", "g) "]


def test_point_with_a_title_is_a_point_heading_with_its_own_body():
    sections = """\
  sections:
    - title: MỤC MỘT
      body:
        - include: targets
        - heading: Phân công
          body:
            - heading: Phòng Văn hóa - Xã hội
              units: [VHXH]
              body:
                - bullet: Chủ trì.
                  sub: [Ý con một., Ý con hai.]
            - item: Đề nghị Mặt trận tham gia.
"""
    paragraphs = plan_with(sections)["paragraphs"][2:]
    assert [(p["kind"], p["lead"] + p["text"]) for p in paragraphs] == [
        ("heading", "2. Phân công"),
        ("point_heading", "a) Phòng Văn hóa - Xã hội"),
        ("text", "- Chủ trì."),
        ("text", "+ Ý con một."),
        ("text", "+ Ý con hai."),
        ("text", "b) Đề nghị Mặt trận tham gia./."),
    ]


TARGETS = """\
  targets:
    - id: CT01
      text: Hoàn thành 100% nhiệm vụ được giao.
      value: "100"
      unit: "%"
"""


def test_targets_are_numbered_one_to_n_in_order_whatever_their_ids():
    targets = """\
  targets:
    - id: CT01
      text: Chỉ tiêu một.
    - id: CT02
      text: Chỉ tiêu hai.
    - id: CT03
      text: Chỉ tiêu ba.
    - id: CT05
      text: Chỉ tiêu năm của bản gốc.
    - id: CT06
      text: Chỉ tiêu sáu của bản gốc.
"""
    plan = context_of(edited(MINIMAL_PLAN, TARGETS, targets))["plan"]
    assert lines(plan)[4:9] == [
        "1. Chỉ tiêu một.",
        "2. Chỉ tiêu hai.",
        "3. Chỉ tiêu ba.",
        "4. Chỉ tiêu năm của bản gốc.",
        "5. Chỉ tiêu sáu của bản gốc.",
    ]


def test_sample_plan_numbers_its_sections_i_to_v_and_targets_one_to_six(sample_context):
    paragraphs = sample_context["plan"]["paragraphs"]
    assert [p["lead"] + p["text"] for p in paragraphs if p["kind"] == "section"] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. CÁC CHỈ TIÊU CHỦ YẾU",
        "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
        "IV. KINH PHÍ",
        "V. TỔ CHỨC THỰC HIỆN",
    ]
    second = [p["kind"] for p in paragraphs].index("section", 1)
    targets = paragraphs[second + 1 : second + 7]
    assert [p["lead"] for p in targets] == ["1. ", "2. ", "3. ", "4. ", "5. ", "6. "]
    assert paragraphs[second + 7]["kind"] == "section"


def test_heading_loses_a_trailing_colon():
    # The validator rejects such data; the context still never prints "1. Trách nhiệm chung:".
    assert bare_heading("  Trách nhiệm   chung : ") == "Trách nhiệm chung"


def test_plan_text_collapses_line_breaks_into_one_paragraph():
    sections = SECTIONS.replace(
        "        - Các phòng triển khai Kế hoạch này.\n",
        "        - |\n          Các phòng\n          triển khai   Kế hoạch này.\n",
    )
    assert lines(plan_with(sections))[-1] == "Các phòng triển khai Kế hoạch này./."


# --- end mark ----------------------------------------------------------------------------------


def test_plan_ends_with_the_end_mark_when_the_data_has_none():
    sections = SECTIONS.replace("Kế hoạch này.\n", "Kế hoạch này\n")
    assert lines(plan_with(sections))[-1] == "Các phòng triển khai Kế hoạch này./."


def test_end_mark_written_in_the_data_is_not_doubled():
    sections = SECTIONS.replace("Kế hoạch này.\n", "Kế hoạch này./.\n")
    plan = plan_with(sections)
    assert lines(plan)[-1] == "Các phòng triển khai Kế hoạch này./."
    assert sum(line.count("./.") for line in lines(plan)) == 1


def test_sample_plan_has_the_end_mark_exactly_once_on_its_last_paragraph(sample_context):
    texts = [p["text"] for p in sample_context["plan"]["paragraphs"]]
    assert texts[-1].endswith("để xem xét, quyết định./.")
    assert sum(t.count("./.") for t in texts) == 1


def test_last_paragraph_in_a_sub_list_gets_the_end_mark():
    sections = SECTIONS.replace(
        "        - Các phòng triển khai Kế hoạch này.\n",
        "        - bullet: Phân công\n          sub: [Phòng Văn hóa - Xã hội chủ trì;]\n",
    )
    assert lines(plan_with(sections))[-2:] == ["- Phân công", "+ Phòng Văn hóa - Xã hội chủ trì./."]


# --- appendix ------------------------------------------------------------------------------------

TASKS = """\
  tasks:
    - id: T01
      area: direction
      content: Ban hành Kế hoạch
      lead: VHXH
      partners: [VP]
      deadline: "2025-08"
      product: Kế hoạch được ban hành
"""

MANY_TASKS = """\
  tasks:
    - id: T10
      area: digital_government
      content: Duy trì cổng thông tin
      lead: VP
      deadline: thường xuyên
      product: Cổng thông tin được cập nhật
    - id: T11
      area: direction
      content: Ban hành Kế hoạch
      lead: VHXH
      partners: [VP]
      partners_other: Các cơ quan có liên quan
      deadline: "2025-08"
      product: Kế hoạch được ban hành
    - id: T12
      area: procedures
      content: Rà soát thủ tục
      lead: VP
      deadline: "2025-Q4"
      product: Báo cáo rà soát
    - id: T13
      area: direction
      content: Tự đánh giá
      lead: VHXH
      deadline: "2025-12-10"
      product: Báo cáo tự đánh giá
"""


def appendix_rows(tasks: str) -> list[dict]:
    return context_of(edited(MINIMAL_PLAN, TASKS, tasks))["appendix"]["rows"]


def test_appendix_groups_tasks_by_area_in_the_reform_order_with_roman_numbers():
    rows = appendix_rows(MANY_TASKS)
    assert [(r["kind"], r["number"], r.get("text") or r["id"]) for r in rows] == [
        ("area", "I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("task", "1", "T11"),
        ("task", "2", "T13"),
        ("area", "II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("task", "3", "T12"),
        ("area", "III", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"),
        ("task", "4", "T10"),
    ]


def test_task_row_prints_units_by_short_name_and_deadlines_as_labels():
    rows = [r for r in appendix_rows(MANY_TASKS) if r["kind"] == "task"]
    assert rows[0] == {
        "kind": "task",
        "id": "T11",
        "number": "1",
        "content": "Ban hành Kế hoạch",
        "lead": "Phòng VHXH",
        "partners": "Văn phòng HĐND và UBND xã; Các cơ quan có liên quan",
        "deadline": "Tháng 8/2025",
        "product": "Kế hoạch được ban hành",
    }
    assert [r["deadline"] for r in rows] == ["Tháng 8/2025", "10/12/2025", "Quý IV/2025", "Thường xuyên"]


def test_sample_appendix_numbers_tasks_continuously_across_seven_areas(sample_context):
    rows = sample_context["appendix"]["rows"]
    areas = [r["number"] for r in rows if r["kind"] == "area"]
    tasks = [r["number"] for r in rows if r["kind"] == "task"]
    assert areas == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert tasks == [str(n) for n in range(1, 43)]


def test_appendix_title_and_reference_line_follow_the_plan(sample_context):
    appendix = sample_context["appendix"]
    assert appendix["label"] == "Phụ lục"
    assert appendix["title"] == (
        "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN XÃ THƯỢNG HỒNG 6 THÁNG CUỐI NĂM 2025"
    )
    assert appendix["attached_to"] == (
        "(Kèm theo Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 "
        "của Ủy ban nhân dân xã Thượng Hồng)"
    )
