"""The checks themselves: a page with every kind of fault must be reported, fault by fault."""

from __future__ import annotations

from pathlib import Path

from conftest import Links

FAULTY = """<!doctype html>
<html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; img-src 'self' https:">
</head><body>
<p id="here">A page with faults.</p>
<a href="#here">fine</a> <a href="other.html#there">fine</a>
<a href="missing.html">missing page</a> <a href="#nowhere">missing id</a> <a href="other.html#gone">missing id elsewhere</a>
<a href="https://example.com/">external link</a>
<img src="gone.png" alt=""> <img src="https://example.invalid/x.png" alt=""> <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
<script>console.error("boom"); setTimeout(function () { null.x; }, 0);</script>
</body></html>
"""


def test_checks_report_every_fault(tmp_path: Path, browser):
    (tmp_path / "faulty.html").write_text(FAULTY)
    (tmp_path / "other.html").write_text('<!doctype html><p id="there">other</p>')
    problems = browser.load((tmp_path / "faulty.html").as_uri(), settle=0.5)
    broken = Links(tmp_path).check(browser.driver)
    text = "\n".join(problems + broken)
    expected = [
        "boom",                                   # console.error
        "Cannot read properties of null",         # uncaught exception
        "failed request: file://",                # gone.png
        "external request: https://example.invalid/x.png",
        "CSP violation: img-src",                 # the data: image
        "missing.html'> points to a missing file",
        "no id 'nowhere' in faulty.html",
        "no id 'gone' in other.html",
        "'https://example.com/'> leaves the site",
    ]
    missing = [fault for fault in expected if fault not in text]
    assert missing == [], f"not reported: {missing}\nreported:\n{text}"
    assert "'#here'" not in text and "other.html#there" not in text
