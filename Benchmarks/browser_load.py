"""Load time of HTML files in headless Chromium (Debian's chromium and chromedriver, through Selenium).

    python Benchmarks/browser_load.py [--repeat 3] [--timeout 120] FILE.html …

For each file, loads it from file:// `--repeat` times in one browser (after a warm-up load of
about:blank) and reports, per load, the navigation timing's loadEventEnd (navigation start to
the end of the load event) and the time to the first animation frame after it (two
requestAnimationFrame callbacks, so that the frame that paints the loaded page is included).
Prints one JSON object: {path: {"load_ms": [...], "frame_ms": [...], "median_load_ms",
"median_frame_ms", "bytes"}} with "error" instead when the page did not load in time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")

AFTER_LOAD = """
    const done = arguments[arguments.length - 1];
    function report() {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const navigation = performance.getEntriesByType('navigation')[0];
        done({load: navigation ? navigation.loadEventEnd : null, frame: performance.now()});
      }));
    }
    if (document.readyState === 'complete') report(); else window.addEventListener('load', report);
"""


def driver(timeout: float):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--disable-background-networking", "--disable-component-update",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    browser = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    browser.set_page_load_timeout(timeout)
    browser.set_script_timeout(timeout)
    return browser


def measure(paths: list[str], repeat: int, timeout: float) -> dict:
    results: dict = {}
    browser = driver(timeout)
    try:
        for path in paths:
            url = Path(path).resolve().as_uri()
            entry: dict = {"bytes": os.path.getsize(path), "load_ms": [], "frame_ms": []}
            try:
                for _ in range(repeat):
                    browser.get("about:blank")
                    browser.get(url)
                    timing = browser.execute_async_script(AFTER_LOAD)
                    entry["load_ms"].append(timing["load"])
                    entry["frame_ms"].append(timing["frame"])
                entry["median_load_ms"] = statistics.median(entry["load_ms"])
                entry["median_frame_ms"] = statistics.median(entry["frame_ms"])
            except Exception as error:  # a page that does not load in time, or crashes the tab
                entry["error"] = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:300]
                browser.quit()
                browser = driver(timeout)
            results[path] = entry
    finally:
        browser.quit()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120)
    arguments = parser.parse_args()
    print(json.dumps(measure(arguments.paths, arguments.repeat, arguments.timeout)))


if __name__ == "__main__":
    main()
