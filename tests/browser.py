"""A real browser for the tests (JupyterLab's and the docs'): Debian's headless
Chromium driven by selenium through Debian's ChromeDriver.

Skips, saying what is missing and how to get it, where selenium, Chromium or
ChromeDriver is not installed.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

#: Chromium flags for a headless run as any user (root needs --no-sandbox) on a
#: machine with no network beyond loopback: no background connections, a fresh profile.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,900"]


def browser_paths() -> tuple[str, str]:
    """(chromium, chromedriver) paths, or skip saying what is missing and how to get it."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("selenium is not installed: `pip install -e '.[dev]'` (make setup does)")
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                     if shutil.which(n)), None)
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        missing = " and ".join(n for n, p in (("Chromium", chromium), ("ChromeDriver", driver)) if not p)
        pytest.skip(f"no {missing} on PATH, so the page cannot be checked in a browser; `make browser` installs "
                    "Debian's chromium and chromium-driver (needs apt-get, root or sudo, and the network once)")
    return chromium, driver


@contextlib.contextmanager
def chrome(profile: Path):
    """A headless Chromium under selenium, with a fresh profile in ``profile``; quit on exit."""
    chromium, driver = browser_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield browser
    finally:
        browser.quit()


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` over HTTP on 127.0.0.1 (a free port) in a thread; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
