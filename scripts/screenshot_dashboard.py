"""Save a screenshot of the dashboard, on a store built from the project's fixture articles.

    .venv/bin/python scripts/screenshot_dashboard.py [--out docs/dashboard.png] [--chromium /usr/bin/chromium]

Needs the Python package ``playwright`` and Debian's Chromium (``apt-get install chromium``); it never downloads a
browser. The event of the Russian veto is opened in the article panel so that the highlights show.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = [ROOT / "tests" / "gold" / "own.jsonl", ROOT / "examples" / "gulf_talks.txt"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def build_store(path: Path) -> None:
    from tacitus import Coder
    from tacitus.store import Store, ingest

    with Store(path) as store:
        ingest(store, Coder(), [str(p) for p in FIXTURES], date=dt.date(2019, 6, 14))


def shrink(png: Path) -> None:
    """Quantise the PNG to 256 colours when Pillow is installed (about a third of the size); else leave it."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(png, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "dashboard.png"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--event", default="gulf_talks.txt", help="open the first event of this document")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from tacitus.web.server import background_server

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fixtures.duckdb"
        build_store(db)
        with background_server(str(db)) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 1500}, device_scale_factor=1)
            page.goto(url + "/")
            page.wait_for_selector("#events-body tr[data-event-id]")
            page.wait_for_function("!document.body.hasAttribute('data-loading')")
            rows = page.locator(f"#events-body tr[data-event-id^='{args.event}#']")
            (rows if rows.count() else page.locator("#events-body tr[data-event-id]")).first.click()
            page.wait_for_selector("#article .hl-sentence")
            page.screenshot(path=args.out, full_page=True)
            browser.close()
    shrink(Path(args.out))
    print(f"saved {args.out} ({Path(args.out).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
