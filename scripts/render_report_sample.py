"""Render the sample portfolio's notebook display into docs/_static (the docs page "Reports out" shows it).

Usage:  python scripts/render_report_sample.py

Writes ``sample-portfolio.html`` and ``sample-report-en.html`` (the HTML a
notebook shows, as ``_repr_html_`` and ``to_html("en")`` give it, in a page
of their own), and, when a Chromium or Chrome executable is on the PATH,
a PNG screenshot of each taken headless. The HTML is the reference; the
pictures are only a convenience for readers who cannot open it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from safetyduty import catalog

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "docs" / "_static"
PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
<body style="margin:16px">{body}</body></html>
"""


def main() -> int:
    """Evaluate the sample as the demo does and write the pages (and pictures)."""
    result = catalog.evaluate_portfolio(
        catalog.sample_portfolio(), as_of=date(2026, 11, 23), since=date(2026, 1, 1)
    )
    worst = max(result.reports, key=lambda report: len(report.overdue()))
    pages = {
        "sample-portfolio": ("zh-CN", "safetyduty: 示例组合", result.to_html()),
        "sample-report-en": ("en", f"safetyduty: {worst.enterprise}", worst.to_html("en")),
    }
    STATIC.mkdir(parents=True, exist_ok=True)
    browser = next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )
    for name, (lang, title, body) in pages.items():
        path = STATIC / f"{name}.html"
        path.write_text(PAGE.format(lang=lang, title=title, body=body), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
        if browser is None:
            continue
        picture = STATIC / f"{name}.png"
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--user-data-dir={profile}", "--window-size=1150,1400",
                 f"--screenshot={picture}", path.as_uri()],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
        print(f"wrote {picture.relative_to(ROOT)} ({picture.stat().st_size} bytes)")
    if browser is None:
        print("no Chromium on the PATH: pictures not taken")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
