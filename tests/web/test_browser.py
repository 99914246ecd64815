"""A clerk in a real browser: open the sample plan, change a deadline, meet a problem, fix it, build, download.

The server is the real ``cchc-docs serve`` (uvicorn, in a subprocess ended by its PID);
the browser is Debian's Chromium driven through chromedriver. Every page is also
photographed at 1366×768 and checked for sideways scrolling, the layout fault a
laptop screen shows first.
"""

from __future__ import annotations

import docx
import pytest
from helpers import ROOT
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import Select, WebDriverWait

from web.browser import Server, chromium, copy_data, needs_browser, screenshot, screenshots_folder, wait_for_file

pytestmark = [needs_browser, pytest.mark.libreoffice]


@pytest.fixture
def clerk(tmp_path):
    data = copy_data(ROOT / "data", tmp_path / "data", "thuong-hong-2025-h2")
    server = Server(data, tmp_path / "out", tmp_path)
    downloads = tmp_path / "tai-ve"
    downloads.mkdir()
    (tmp_path / "profile").mkdir()
    driver = chromium(tmp_path / "profile", downloads)
    driver.implicitly_wait(2)
    try:
        yield driver, server, downloads, screenshots_folder(tmp_path)
    finally:
        driver.quit()
        server.stop()


def _fits_the_screen(driver) -> None:
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"trang rộng {width}px, màn hình {inner}px: phải kéo ngang"


def _task_row(driver, task_id: str):
    field = driver.find_element(By.XPATH, f"//input[contains(@name, '.id') and @value='{task_id}']")
    return field.find_element(By.XPATH, "./ancestor::div[contains(@class, 'task')][1]")


def _save(driver) -> None:
    """Click "Lưu" and wait for the page the form posts to: the page saved from holds the same
    fields, so a field found too early belongs to a page about to go (a stale element)."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "save").click()
    WebDriverWait(driver, 60).until(seen.staleness_of(page))


def _set_deadline(driver, task_id: str, kind: str, text: str) -> None:
    row = _task_row(driver, task_id)
    Select(row.find_element(By.CSS_SELECTOR, "select[name$='.deadline_kind']")).select_by_visible_text(kind)
    box = row.find_element(By.CSS_SELECTOR, "input[name$='.deadline']")
    box.clear()
    box.send_keys(text)


def test_a_clerk_edits_a_deadline_fixes_a_problem_builds_and_downloads(clerk):
    driver, server, downloads, shots = clerk
    wait = WebDriverWait(driver, 300)  # a build with PDFs and previews, on a loaded CI machine

    driver.get(server.url)
    assert "Các kế hoạch" in driver.title
    _fits_the_screen(driver)
    screenshot(driver, shots, "1-danh-sach-ke-hoach")
    driver.find_element(By.LINK_TEXT, "Sửa").click()
    assert driver.find_element(By.NAME, "decision.number").get_attribute("value") == "39"
    _fits_the_screen(driver)
    screenshot(driver, shots, "2-sua-ke-hoach")

    # An impossible date: the message sits in the task's row, and nothing typed is lost.
    _set_deadline(driver, "T05", "Ngày", "2025-02-30")
    _save(driver)
    row = _task_row(driver, "T05")
    problem = row.find_element(By.CSS_SELECTOR, ".c-deadline .problem").text
    assert "ngày không tồn tại: tháng 2 năm 2025 chỉ có 28 ngày" in problem
    assert row.find_element(By.CSS_SELECTOR, "input[name$='.deadline']").get_attribute("value") == "2025-02-30"
    assert "Chưa lưu" in driver.find_element(By.CSS_SELECTOR, ".savebar").text
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    _fits_the_screen(driver)
    screenshot(driver, shots, "3-loi-canh-o")

    # Fixed, saved.
    _set_deadline(driver, "T05", "Ngày", "2025-10-20")
    _save(driver)
    assert driver.find_element(By.CSS_SELECTOR, ".saved").text == "Đã lưu."
    assert 'deadline: "2025-10-20"' in (server.data / "thuong-hong-2025-h2.yaml").read_text(encoding="utf-8")

    # Build, follow the progress, download the decision.
    driver.find_element(By.LINK_TEXT, "Tạo văn bản").click()
    _fits_the_screen(driver)
    driver.find_element(By.ID, "build").click()
    wait.until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, "#job h2"), "Đã xong"))
    _fits_the_screen(driver)
    screenshot(driver, shots, "4-ket-qua-tao-van-ban")
    decision = driver.find_element(By.XPATH, "//section[h3[contains(., 'quyet-dinh.docx')]]")
    decision.find_element(By.LINK_TEXT, "Tải DOCX").click()
    downloaded = wait_for_file(downloads, ".docx")
    texts = [cell.text for table in docx.Document(str(downloaded)).tables
             for row in table.rows for cell in row.cells]
    row_t05 = next(i for i, text in enumerate(texts) if "Tiếp nhận, giải quyết ý kiến phản ánh" in text)
    assert "20/10/2025" in texts[row_t05:row_t05 + 6]


PAGES = {
    "danh-sach": "/",
    "sua-ke-hoach-nhiem-vu": "/ke-hoach/thuong-hong-2025-h2/sua#nhiem-vu",
    "sua-ke-hoach-cac-muc": "/ke-hoach/thuong-hong-2025-h2/sua#cac-muc",
    "tao-van-ban": "/ke-hoach/thuong-hong-2025-h2/tao",
    "cac-ky-bao-cao": "/ke-hoach/thuong-hong-2025-h2/so-lieu",
    "so-lieu-quy-iv": "/ke-hoach/thuong-hong-2025-h2/so-lieu/2025-Q4",
    "so-lieu-quy-iv-so-lieu-tho": "/ke-hoach/thuong-hong-2025-h2/so-lieu/2025-Q4#so-lieu",
    "sua-doi-bo-sung": "/ke-hoach/thuong-hong-2025-h2/sua-doi",
    "khong-tim-thay": "/ke-hoach/khong-co/sua",
}


@pytest.mark.parametrize("name", PAGES)
def test_every_page_fits_a_laptop_screen(clerk, name):
    driver, server, _, shots = clerk
    driver.get(server.url + PAGES[name])
    assert driver.find_element(By.TAG_NAME, "h1").text
    _fits_the_screen(driver)
    screenshot(driver, shots, f"trang-{name}")


def test_the_amendment_preview_shows_the_comparison_table(clerk):
    driver, server, _, shots = clerk
    driver.get(server.url + "/ke-hoach/thuong-hong-2025-h2/sua-doi")
    driver.find_element(By.NAME, "changes[n1].item").send_keys("T05")
    Select(driver.find_element(By.NAME, "changes[n1].deadline_kind")).select_by_visible_text("Ngày")
    driver.find_element(By.NAME, "changes[n1].deadline").send_keys("2025-11-30")
    driver.find_element(By.NAME, "changes[n1].reason").send_keys("Lùi thời hạn theo hướng dẫn của Sở")
    driver.find_element(By.NAME, "amendment.decision.executors").send_keys("Chánh Văn phòng HĐND và UBND xã")
    driver.find_element(By.ID, "preview").click()
    table = driver.find_element(By.CSS_SELECTOR, "#comparison table")
    assert "Thời gian hoàn thành: 30/11/2025" in table.text
    driver.execute_script("arguments[0].scrollIntoView()", table)
    _fits_the_screen(driver)
    screenshot(driver, shots, "trang-sua-doi-xem-truoc")


def test_a_task_row_is_added_and_moved_without_leaving_the_page(clerk):
    driver, server, _, _ = clerk
    driver.get(server.url + "/ke-hoach/thuong-hong-2025-h2/sua")
    driver.find_element(By.CSS_SELECTOR, "button[value='tasks-add']").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.NAME, "tasks[n1].id"))
    assert driver.find_element(By.NAME, "tasks[n1].id").get_attribute("value") == "T43"
    driver.find_element(By.CSS_SELECTOR, "button[value='tasks-up:n1']").click()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.NAME, "tasks.key")[-1].get_attribute("value") == "f41")
    assert driver.execute_script("return window.location.pathname").endswith("/sua")
