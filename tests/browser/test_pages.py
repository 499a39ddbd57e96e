"""Every page type of the example site, loaded from file:// in headless Chromium.

Each page must load without a console error, a CSP violation, an uncaught error, a failed
request or a request leaving file://, and every link, image, object and media source on it
must point to an existing file of the site (and to an existing id when it has a fragment).
"""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE_TYPES = {
    "index": "index.html",
    "project": "p/*/index.html",
    "plots": "p/*/plots.html",
    "plots-log": "p/*/plots-log.html",
    "plots-smooth": "p/*/plots-smooth.html",
    "plots-log-smooth": "p/*/plots-log-smooth.html",
    "tables": "p/*/tables.html",
    "artifacts": "p/*/artifacts.html",
    "artifact": "p/*/artifacts/*.html",
    "run": "p/*/runs/*.html",
    "sweeps": "p/*/sweeps.html",
    "sweep-metric": "p/*/sweeps/*.html",
    "lineage": "p/*/lineage.html",
    "compare": "p/*/compare.html",
    "notebooks": "p/*/notebooks.html",
    "notebook": "p/*/notebooks/*.html",
    "site-notebooks": "notebooks.html",
    "site-notebook": "notebooks/*.html",
}


def test_every_page_has_a_type(site: Path):
    """A page the build writes but this suite does not know would go untested."""
    typed = {page for pattern in PAGE_TYPES.values() for page in site.glob(pattern)}
    assert sorted(set(site.rglob("*.html")) - typed) == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_loads_cleanly(kind: str, site: Path, browser, links):
    pages = sorted(site.glob(PAGE_TYPES[kind]))
    assert pages, f"the example site has no {kind} page"
    failures = []
    for page in pages:
        problems = browser.load(page.as_uri())
        problems += links.check(browser.driver)
        width = browser.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            problems.append(f"the page is wider than the window ({width[0]} > {width[1]} px)")
        failures += [f"{page.relative_to(site)}: {problem}" for problem in problems]
        if page == pages[0]:
            browser.screenshot(kind)
    assert failures == [], "\n".join(failures)


def test_every_page_is_reachable_from_the_index(site: Path, browser):
    """Following links from index.html reaches every page the build wrote."""
    seen, queue = set(), [site / "index.html"]
    while queue:
        page = queue.pop()
        if page in seen:
            continue
        seen.add(page)
        browser.driver.get(page.as_uri())
        for href in browser.driver.execute_script("return Array.from(document.querySelectorAll('a[href]'), a => new URL(a.getAttribute('href'), location.href).href)"):
            if href.startswith("file://") and ".html" in href:
                target = Path(href[len("file://"):].split("?")[0].split("#")[0])
                if target.is_file() and target not in seen:
                    queue.append(target)
    assert sorted(set(site.rglob("*.html")) - seen) == []
