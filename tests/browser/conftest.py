"""Builds the example site once per session and drives headless Chromium through chromedriver.

The site holds the Swift classification example (4 runs) and a Python-logged "media" project
whose run has an artifact directory with text, CSV, PNG, PDF, WAV and MP4 files, so every page
type and every file preview is present. Binaries come from ``$ARTIFACTA_BIN`` (default
``.build/debug``), built by ``make test-swift`` or ``make test-browser``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(os.environ.get("ARTIFACTA_BIN", ROOT / ".build" / "debug"))
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")
# Set ARTIFACTA_SCREENSHOTS=DIR to save a light and a dark screenshot of every page type.
SCREENSHOTS = os.environ.get("ARTIFACTA_SCREENSHOTS")

# Chromium's built-in PDF viewer, which an <object type="application/pdf"> opens: part of the browser.
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"

MEDIA_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from pathlib import Path
    import artifacta as ds
    import media

    store, folder = sys.argv[1], Path(sys.argv[2])
    (folder / "nested").mkdir(parents=True)
    (folder / "notes.txt").write_text("Samples rendered at epoch 3.\\nLoss is <still> falling & fine.\\n")
    (folder / "scores.csv").write_text('sample,score,label\\n1,0.91,"cat, tabby"\\n2,0.42,dog\\n')
    (folder / "preview.png").write_bytes(media.png())
    (folder / "report.pdf").write_bytes(media.pdf())
    (folder / "nested" / "tone.wav").write_bytes(media.wav())
    (folder / "nested" / "clip.mp4").write_bytes(media.mp4())
    (folder / "nested" / "config.json").write_text('{"seed": 7}\\n')
    run = ds.init(project="media", name="media-run", config={"seed": 7}, store=store, capture=False)
    for step in range(5):
        ds.log("metrics", ds.Series(index="step", fields={"step": [step], "loss": [1.0 / (step + 1)]}))
    run.log_artifact("samples", str(folder), metadata={"kind": "every preview"})
    run.log_artifact("plot", str(folder / "preview.png"))
    ds.create_note("Media notes", "# Media notes\\n\\nEvery preview, with $x^2$.\\n\\n![preview](preview.png)\\n",
                   attachments=[str(folder / "preview.png")])
    run.finish()
""")


def _run(command: list[str], **kwargs) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The built example site's folder."""
    for name in ("artifacta", "classification-example"):
        if not (BIN / name).exists():
            pytest.fail(f"{BIN / name} is missing: run `swift build --product artifacta --product classification-example` "
                        "(make test-browser does) or set ARTIFACTA_BIN")
    work = tmp_path_factory.mktemp("site")
    store = work / "store"
    _run([str(BIN / "classification-example"), "--store", str(store), "--runs", "4"])
    _run([sys.executable, "-c", MEDIA_SCRIPT, str(store), str(work / "samples"), str(HERE)])
    notebooks = work / "notebooks"
    (notebooks / "classification" / "media").mkdir(parents=True)
    (notebooks / "classification" / "study.md").write_text(
        "# Learning-rate study\n\nThe loss is $\\frac{1}{n}\\sum_i \\ell_i$ and\n\n"
        "$$\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$$\n\n"
        "| lr | acc |\n|---|---|\n| 0.1 | 0.9 |\n\n- [x] done\n\n![a plot](media/plot.png)\n\n"
        "![the paper](media/paper.pdf)\n")
    (notebooks / "classification" / "media" / "plot.png").write_bytes((work / "samples" / "preview.png").read_bytes())
    (notebooks / "classification" / "media" / "paper.pdf").write_bytes((work / "samples" / "report.pdf").read_bytes())
    (notebooks / "handbook.md").write_text("# Team handbook\n\nRuns live in `./.artifacta`.\n")
    _run([str(BIN / "artifacta"), "build", "--store", str(store), "--out", str(work / "site"), "--notebooks", str(notebooks)])
    return work / "site"


class Browser:
    """One headless Chromium; `load` opens a page and returns what went wrong while loading it."""

    # Runs before every page's own scripts: records CSP violations and uncaught errors.
    PROBE = """
        window.__problems = [];
        document.addEventListener('securitypolicyviolation', function (e) {
          window.__problems.push('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI);
        });
        window.addEventListener('error', function (e) {
          window.__problems.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href || e.target.data))));
        }, true);
        window.addEventListener('unhandledrejection', function (e) { window.__problems.push('unhandled rejection: ' + e.reason); });
    """

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,900", "--autoplay-policy=no-user-gesture-required",
                         "--disable-background-networking", "--disable-component-update", "--no-first-run"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        self.driver.set_page_load_timeout(30)
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": self.PROBE})

    def drain(self) -> None:
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def load(self, url: str, settle: float = 0.3) -> list[str]:
        """Opens `url`, waits for it and its media to settle, and lists console errors and bad requests."""
        self.drain()
        self.driver.get(url)
        self.wait_loaded()
        time.sleep(settle)
        return self.problems()

    def wait_loaded(self, timeout: float = 10) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.driver.execute_script("return document.readyState") == "complete":
                return
            time.sleep(0.05)
        raise AssertionError(f"{self.driver.current_url} did not finish loading in {timeout} s")

    def problems(self) -> list[str]:
        found = []
        for entry in self.driver.get_log("browser"):
            if entry["level"] in ("SEVERE", "ERROR") or "Content Security Policy" in entry["message"]:
                found.append(f"console {entry['level']}: {entry['message']}")
        urls: dict[str, str] = {}
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                urls[params["requestId"]] = url
                if urlsplit(url).scheme not in ("file", "data", "blob") and not url.startswith(PDF_VIEWER):
                    found.append(f"external request: {url}")
            elif method == "Network.loadingFailed":
                url = urls.get(params["requestId"], params["requestId"])
                # Media elements cancel their own range requests once they have the metadata.
                if not (params.get("canceled") and params.get("type") == "Media"):
                    found.append(f"failed request: {url} ({params.get('errorText')}, {params.get('type')})")
            elif method == "Network.responseReceived":
                status = params["response"].get("status")
                if status and status >= 400:
                    found.append(f"request answered {status}: {params['response']['url']}")
        found += self.driver.execute_script("return window.__problems || []")
        return found

    def screenshot(self, name: str) -> None:
        """Saves a full-page light and dark screenshot when ARTIFACTA_SCREENSHOTS is set."""
        if not SCREENSHOTS:
            return
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        driver = self.driver
        height = driver.execute_script("return Math.min(4000, document.documentElement.scrollHeight)")
        for theme in ("light", "dark"):
            driver.execute_script("document.documentElement.dataset.theme = arguments[0]", theme)
            driver.set_window_size(1280, max(900, height + 140))
            time.sleep(0.2)
            driver.save_screenshot(str(folder / f"{name}-{theme}.png"))
        driver.set_window_size(1280, 900)
        driver.execute_script("localStorage.removeItem('artifacta:theme');"
                              "document.documentElement.dataset.theme = 'light'")

    def reset_storage(self) -> None:
        self.driver.execute_script("localStorage.clear()")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMEDRIVER).exists() or not Path(CHROMIUM).exists():
        pytest.fail(f"headless Chromium needs {CHROMIUM} and {CHROMEDRIVER}: "
                    "apt-get install chromium chromium-driver (scripts/install-deps.sh chromium chromium-driver)")
    b = Browser()
    yield b
    b.driver.quit()


_IDS = re.compile(r"""\bid=["']([^"']+)["']""")


class Links:
    """Checks that every link, image, object and media source of a page points to a file of the site."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()
        self.ids: dict[Path, set[str]] = {}

    def ids_of(self, path: Path) -> set[str]:
        if path not in self.ids:
            import html
            self.ids[path] = {html.unescape(i) for i in _IDS.findall(path.read_text(encoding="utf-8", errors="replace"))}
        return self.ids[path]

    def check(self, driver) -> list[str]:
        references = driver.execute_script("""
            const out = [];
            const add = (el, attr, url) => out.push([el.tagName.toLowerCase(), attr, el.getAttribute(attr), url]);
            document.querySelectorAll('a[href], link[href]').forEach(el => add(el, 'href', new URL(el.getAttribute('href'), location.href).href));
            document.querySelectorAll('img[src], audio[src], video[src], source[src], script[src], iframe[src]').forEach(el => add(el, 'src', el.src));
            document.querySelectorAll('object[data]').forEach(el => add(el, 'data', el.data));
            document.querySelectorAll('svg [href]').forEach(el => add(el, 'href', new URL(el.getAttribute('href'), location.href).href));
            return out;
        """)
        page = Path(unquote(urlsplit(driver.current_url).path))
        page_ids = set(driver.execute_script("return Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        broken = []
        for tag, attribute, raw, url in references:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if parts.scheme != "file":
                broken.append(f"<{tag} {attribute}={raw!r}> leaves the site ({url})")
                continue
            target = Path(unquote(parts.path))
            if not target.resolve().is_relative_to(self.site):
                broken.append(f"<{tag} {attribute}={raw!r}> points outside the site ({target})")
                continue
            if not target.is_file():
                broken.append(f"<{tag} {attribute}={raw!r}> points to a missing file ({target})")
                continue
            if parts.fragment:
                fragment = unquote(parts.fragment)
                ids = page_ids if target == page else (self.ids_of(target) if target.suffix == ".html" else None)
                if ids is None:
                    broken.append(f"<{tag} {attribute}={raw!r}> has a fragment but points to a non-HTML file")
                elif fragment not in ids:
                    broken.append(f"<{tag} {attribute}={raw!r}>: no id {fragment!r} in {target.name}")
        # Fragment references inside inline SVG (clip paths, markers, gradients).
        for raw in driver.execute_script("""
            const out = [];
            document.querySelectorAll('svg *').forEach(el => {
              for (const a of el.attributes) { const m = /url\\(#([^)]+)\\)/.exec(a.value); if (m) out.push(m[1]); }
            });
            return out;
        """):
            if raw not in page_ids:
                broken.append(f"SVG reference url(#{raw}) has no target on {page.name}")
        return broken


@pytest.fixture(scope="session")
def links(site) -> Links:
    return Links(site)
