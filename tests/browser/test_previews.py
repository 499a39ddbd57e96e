"""The artifact page shows every kind of file: text, CSV as a table, image, PDF, audio, video."""

from __future__ import annotations

import time
from pathlib import Path

import pytest


def artifact_page(site: Path, name: str) -> Path:
    for page in sorted(site.glob("p/media/artifacts/*.html")):
        if f"<h1>{name} " in page.read_text():
            return page
    raise AssertionError(f"no artifact page for {name!r}")


def wait_for(driver, script: str, element, timeout: float = 5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = driver.execute_script(script, element)
        if value:
            return value
        time.sleep(0.05)
    return driver.execute_script(script, element)


FILES = {
    "notes.txt": ("pre code", "return arguments[0].textContent.includes('Loss is <still> falling & fine.')"),
    "scores.csv": ("table", "return arguments[0].rows.length === 3 && arguments[0].rows[1].cells[2].textContent === 'cat, tabby'"),
    "preview.png": ("img", "return arguments[0].complete && arguments[0].naturalWidth === 16"),
    "report.pdf": ("object", "return arguments[0].type === 'application/pdf' && arguments[0].getBoundingClientRect().height > 100"),
    "nested/tone.wav": ("audio", "return arguments[0].readyState >= 1 && arguments[0].error === null && arguments[0].duration > 0.2"),
    "nested/clip.mp4": ("video", "return arguments[0].readyState >= 1 && arguments[0].error === null && arguments[0].videoWidth === 16"),
    "nested/config.json": ("pre code", "return arguments[0].textContent.includes('\"seed\": 7')"),
}


@pytest.mark.parametrize("path", FILES)
def test_file_preview(path: str, site: Path, browser):
    from selenium.webdriver.common.by import By

    page = artifact_page(site, "samples")
    browser.load(page.as_uri())
    link = browser.driver.find_element(By.XPATH, f"//nav[@class='file-list']//a[@title='{path}']")
    link.click()  # shows that file's preview (the :target rule)
    anchor = link.get_attribute("href").split("#")[1]
    article = browser.driver.find_element(By.ID, anchor)
    assert article.is_displayed()
    assert article.find_element(By.TAG_NAME, "h2").text == path
    selector, check = FILES[path]
    element = article.find_element(By.CSS_SELECTOR, selector)
    assert element.is_displayed()
    assert wait_for(browser.driver, check, element), f"{path}: the {selector} preview did not load"
    # Only the chosen file's preview shows.
    shown = [a.get_attribute("id") for a in browser.driver.find_elements(By.CSS_SELECTOR, "article.file-preview") if a.is_displayed()]
    assert shown == [anchor]
    download = article.find_element(By.CSS_SELECTOR, "header a[download]")
    assert download.get_attribute("download") == path.split("/")[-1]
    assert browser.problems() == []
    if selector in ("img", "object", "video"):
        browser.screenshot("preview-" + selector)


def test_zip_download_holds_every_file(site: Path):
    import re
    import zipfile

    page = artifact_page(site, "samples")
    href = re.search(r'<a href="([^"]+\.zip)" download>', page.read_text()).group(1)
    with zipfile.ZipFile(page.parent / href) as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == sorted(FILES)


def test_file_list_names_folders(site: Path, browser):
    """Nested files sit under their folder's name in the file list."""
    browser.load(artifact_page(site, "samples").as_uri())
    items = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('nav.file-list li'), li => [li.className, li.firstChild.textContent])")
    assert items == [
        ["folder depth-0", "nested/"], ["depth-1", "clip.mp4"], ["depth-1", "config.json"], ["depth-1", "tone.wav"],
        ["depth-0", "notes.txt"], ["depth-0", "preview.png"], ["depth-0", "report.pdf"], ["depth-0", "scores.csv"],
    ]
