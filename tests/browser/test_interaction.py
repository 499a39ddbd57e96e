"""The site's script: run selection carried to Plots and Tables, theme, aggregates, sorting, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

PROJECT = "p/classification"

SHOWN = """
    return Array.from(document.querySelectorAll(arguments[0]), function (el) {
      return [el.getAttribute('data-run'), getComputedStyle(el).display !== 'none' && !el.closest('[hidden]')];
    });
"""


def run_visibility(driver, selector: str) -> dict[str, set[bool]]:
    seen: dict[str, set[bool]] = {}
    for run, shown in driver.execute_script(SHOWN, selector):
        seen.setdefault(run, set()).add(shown)
    return seen


@pytest.fixture
def page(site: Path, browser):
    """Opens a page of the classification project with this browser's storage cleared."""
    def open_page(name: str):
        browser.load((site / PROJECT / name).as_uri())
        browser.reset_storage()
        assert browser.load((site / PROJECT / name).as_uri()) == []
        return browser.driver
    yield open_page
    browser.reset_storage()


def test_unticked_run_disappears_from_plots_and_tables(page, browser):
    driver = page("index.html")
    boxes = driver.find_elements(By.CSS_SELECTOR, "input.run-select")
    assert len(boxes) == 4 and all(box.is_selected() for box in boxes)
    assert driver.find_element(By.CSS_SELECTOR, ".selection-count").text == "All runs shown"
    dropped = boxes[1].get_attribute("value")
    kept = {box.get_attribute("value") for box in boxes} - {dropped}
    boxes[1].click()
    assert driver.find_element(By.CSS_SELECTOR, ".selection-count").text == "3 of 4 runs selected"
    assert "unselected" in driver.find_element(By.CSS_SELECTOR, f"tr[data-run='{dropped}']").get_attribute("class")

    # The Plots tab carries the selection in its address.
    driver.find_element(By.XPATH, "//nav[@class='tabs']/a[text()='Plots']").click()
    browser.wait_loaded()
    assert "runs=" in driver.current_url and dropped not in driver.current_url.split("runs=")[1]
    lines = run_visibility(driver, "svg g.run[data-run]")
    assert set(lines) == kept | {dropped}, "every run draws lines on the Plots page"
    assert lines[dropped] == {False}, "the unticked run's lines are hidden"
    assert all(lines[run] == {True} for run in kept), "the other runs' lines stay"

    # The other plot variants keep it (toolbar links).
    driver.find_element(By.XPATH, "//a[contains(@class,'toggle') and contains(@href,'plots-log.html')]").click()
    browser.wait_loaded()
    lines = run_visibility(driver, "svg g.run[data-run]")
    assert lines[dropped] == {False} and all(lines[run] == {True} for run in kept)

    # Tables: the run's row goes.
    driver.find_element(By.XPATH, "//nav[@class='tabs']/a[text()='Tables']").click()
    browser.wait_loaded()
    rows = run_visibility(driver, "table.aggregates tr[data-run]")
    assert rows[dropped] == {False} and all(rows[run] == {True} for run in kept)
    tables = run_visibility(driver, ".logged-table .table-wrap[data-run]")
    assert tables[dropped] == {False} and all(tables[run] == {True} for run in kept)

    # Local storage keeps the choice for a page opened without ?runs=.
    driver.get(driver.current_url.split("?")[0].replace("tables.html", "plots-smooth.html"))
    browser.wait_loaded()
    lines = run_visibility(driver, "svg g.run[data-run]")
    assert lines[dropped] == {False} and all(lines[run] == {True} for run in kept)
    assert browser.problems() == []


def test_select_none_and_all(page):
    driver = page("index.html")
    driver.find_element(By.CSS_SELECTOR, "button.select-none").click()
    assert not any(box.is_selected() for box in driver.find_elements(By.CSS_SELECTOR, "input.run-select"))
    assert driver.find_element(By.CSS_SELECTOR, ".selection-count").text == "0 of 4 runs selected"
    driver.find_element(By.XPATH, "//nav[@class='tabs']/a[text()='Plots']").click()
    assert all(shown == {False} for shown in run_visibility(driver, "svg g.run[data-run]").values())
    driver.back()
    driver.find_element(By.CSS_SELECTOR, "button.select-all").click()
    assert all(box.is_selected() for box in driver.find_elements(By.CSS_SELECTOR, "input.run-select"))
    driver.find_element(By.XPATH, "//nav[@class='tabs']/a[text()='Plots']").click()
    assert all(shown == {True} for shown in run_visibility(driver, "svg g.run[data-run]").values())


def test_theme_toggle(page, browser):
    driver = page("plots.html")
    toggle = driver.find_element(By.CSS_SELECTOR, "button.theme-toggle")
    assert toggle.is_displayed()
    assert driver.execute_script("return document.documentElement.dataset.theme") == "light"
    light = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    toggle.click()
    assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") != light
    # Remembered on the next page.
    driver.find_element(By.XPATH, "//nav[@class='tabs']/a[text()='Tables']").click()
    browser.wait_loaded()
    assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    driver.find_element(By.CSS_SELECTOR, "button.theme-toggle").click()
    assert driver.execute_script("return document.documentElement.dataset.theme") == "light"


def test_aggregate_switch(page):
    driver = page("tables.html")
    cell = driver.find_element(By.CSS_SELECTOR, "table.aggregates td[data-final]")
    final, low, high = (cell.get_attribute(f"data-{name}") for name in ("final", "min", "max"))
    assert cell.text == final
    texts = {}
    for label in ("Min", "Max", "Final"):
        button = driver.find_element(By.XPATH, f"//span[contains(@class,'aggregate-switch')]/button[text()='{label}']")
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        texts[label] = cell.text
    assert (texts["Min"], texts["Max"], texts["Final"]) == (low, high, final)
    # Some Series field changes over the runs, so at least one cell must change with the switch.
    cells = driver.find_elements(By.CSS_SELECTOR, "table.aggregates td[data-final]")
    assert any(c.get_attribute("data-min") != c.get_attribute("data-max") for c in cells)


def test_sort_runs_table(page):
    driver = page("index.html")
    header = driver.find_element(By.XPATH, "//table[contains(@class,'runs-table')]//th[text()='Run']")
    names = lambda: [a.text for a in driver.find_elements(By.CSS_SELECTOR, "table.runs-table tbody tr td:nth-child(2) > a")]
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert names() == sorted(names(), key=str.lower)
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert names() == sorted(names(), key=str.lower, reverse=True)


def test_plot_columns_are_remembered(page, browser):
    driver = page("plots.html")
    grid = driver.find_element(By.CSS_SELECTOR, ".chart-grid")
    assert "columns-2" in grid.get_attribute("class")
    driver.find_element(By.CSS_SELECTOR, ".layout-columns button[data-columns='3']").click()
    assert "columns-3" in grid.get_attribute("class")
    driver.refresh()
    browser.wait_loaded()
    assert "columns-3" in driver.find_element(By.CSS_SELECTOR, ".chart-grid").get_attribute("class")
    driver.find_element(By.CSS_SELECTOR, "button.reset-layout").click()
    browser.wait_loaded()
    assert "columns-2" in driver.find_element(By.CSS_SELECTOR, ".chart-grid").get_attribute("class")


def test_without_javascript_every_run_shows(page, browser):
    """With scripts off, a saved selection hides nothing: every line and every chart shows."""
    driver = page("index.html")
    driver.find_element(By.CSS_SELECTOR, "button.select-none").click()
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        url = driver.current_url.split("?")[0].replace("index.html", "plots.html")
        driver.get(url + "?runs=")
        browser.wait_loaded()
        lines = run_visibility(driver, "svg g.run[data-run]")
        assert len(lines) == 4 and all(shown == {True} for shown in lines.values())
        cards = driver.find_elements(By.CSS_SELECTOR, ".chart-card")
        assert cards and all(card.is_displayed() for card in cards)
        assert not driver.find_element(By.CSS_SELECTOR, "button.theme-toggle").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_one_run_charts_follow_the_selection(page, browser):
    """A chart of one run (a confusion matrix) names its run and goes when the run is unticked."""
    driver = page("index.html")
    boxes = driver.find_elements(By.CSS_SELECTOR, "input.run-select")
    dropped = boxes[0].get_attribute("value")
    name = driver.find_element(By.CSS_SELECTOR, f"tr[data-run='{dropped}'] td:nth-child(2) a").text
    boxes[0].click()
    driver.find_element(By.XPATH, "//nav[@class='tabs']/a[text()='Plots']").click()
    browser.wait_loaded()
    cards = driver.find_elements(By.CSS_SELECTOR, f".chart-card[data-run='{dropped}']")
    assert cards, "the run has charts of its own"
    for card in cards:
        assert not card.is_displayed()
        assert card.find_element(By.CSS_SELECTOR, ".chart-run").get_attribute("textContent") == name
    others = driver.find_elements(By.CSS_SELECTOR, f".chart-card[data-run]:not([data-run='{dropped}'])")
    assert others and all(card.is_displayed() for card in others)


def test_run_page_shows_its_run_whatever_is_selected(page, browser):
    """Unticking every run must not empty a run's own page."""
    driver = page("index.html")
    link = driver.find_element(By.CSS_SELECTOR, "table.runs-table tbody tr td:nth-child(2) > a")
    driver.find_element(By.CSS_SELECTOR, "button.select-none").click()
    link.click()
    browser.wait_loaded()
    assert driver.execute_script("return document.body.dataset.page") == "run"
    lines = run_visibility(driver, "svg g.run[data-run]")
    assert lines and all(shown == {True} for shown in lines.values())
    assert all(card.is_displayed() for card in driver.find_elements(By.CSS_SELECTOR, ".chart-card"))
    # Its tabs still carry the (empty) selection.
    assert driver.find_element(By.XPATH, "//nav[@class='tabs']/a[text()='Plots']").get_attribute("href").endswith("plots.html?runs=")
