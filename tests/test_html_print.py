"""The HTML page printed by headless Chromium: A4, a blank line after the title group, and
digits in a Latin face (Times New Roman, or its metric twin Liberation Serif here)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.export import export
from drafter.render import render_file

from .conftest import ROOT

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None or shutil.which("pdftotext") is None,
                                reason="headless Chromium (and poppler's pdftotext) not installed")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("print")
    page = folder / "deploy.html"
    page.write_text(str(export(render_file(ROOT / "outlines" / "deploy.yaml").document, ".html")),
                    encoding="utf-8")
    pdf = folder / "deploy.pdf"
    assert CHROMIUM is not None
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=True)
    return pdf


def _words(pdf: Path) -> list[tuple[float, float, str]]:
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(x), float(y), w) for x, y, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', xml)]


def test_prints_on_a4(printed: Path) -> None:
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 4 <= pages <= 8  # about 2,900 字 at 22 lines a page, plus headings


def test_a_blank_line_follows_the_date(printed: Path) -> None:
    words = _words(printed)
    date = max(y for _, y, w in words if w.endswith("）") or w == "日）" or w.startswith("日"))
    salutation = next(y for _, y, w in words if w.startswith("同志们"))
    # the line pitch is 28.95 pt: one empty line between them makes two pitches
    assert abs((salutation - date) - 2 * 28.95) < 6, (date, salutation)


def test_digits_are_set_in_a_latin_face(printed: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(printed)], capture_output=True, text=True).stdout
    assert re.search(r"(TimesNewRoman|LiberationSerif|Tinos)", fonts), fonts
