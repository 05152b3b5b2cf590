"""Browser tests: Streamlit served headless on a free loopback port, Playwright on Debian's
chromium. Helpers hide the clicking so each test reads as one behaviour."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed here (apt-get install chromium); CI runs this test")
    return CHROMIUM


# What the server must never print: a page or callback that raised reached the user as an
# exception box, or a background context (fragment, download) failed out of sight.
LOG_PROBLEMS = re.compile(r"Uncaught app execution|Traceback|Error")


class ServerLog:
    """The server's output, in a file (a pipe nobody reads fills up and stalls the server)."""

    def __init__(self, path: Path):
        self.path = path
        self.checked = 0

    def new_problems(self) -> list[str]:
        """Lines with a problem printed since the last call."""
        text = self.path.read_text(errors="replace")
        fresh, self.checked = text[self.checked:], len(text)
        return [line for line in fresh.splitlines() if LOG_PROBLEMS.search(line)]

    def excerpt(self, problems: list[str]) -> str:
        text = self.path.read_text(errors="replace")
        start = text.find(problems[0])
        return text[max(0, start - 200):start + 3000]


@pytest.fixture(scope="session")
def server_log(tmp_path_factory) -> ServerLog:
    return ServerLog(tmp_path_factory.mktemp("e2e-log") / "streamlit.log")


@pytest.fixture(autouse=True)
def clean_server_log(request):
    """Every browser test fails if the server logged a traceback or an error meanwhile."""
    logs = {"server": "server_log", "national_server": "national_log"}
    used = [logs[name] for name in logs if name in request.fixturenames]
    if not used:
        yield
        return
    log = request.getfixturevalue(used[0])
    log.new_problems()  # what an earlier test left is that test's failure, not this one's
    yield
    problems = log.new_problems()
    if problems:
        pytest.fail("The Streamlit server logged a problem during this test:\n"
                    + log.excerpt(problems), pytrace=False)


@pytest.fixture(scope="session")
def server_db_path(tmp_path_factory) -> Path:
    """The server's database file, so a test can check in the database what a click did."""
    return tmp_path_factory.mktemp("e2e") / "advocacy.db"


@contextlib.contextmanager
def serve(db_path: Path, log: ServerLog, demo: bool = True):
    """A Streamlit server on `db_path` (demo data added if `demo`), its output in `log`;
    yields its base URL. At the end the whole log is checked once more (a problem between
    tests counts too)."""
    port = _free_port()
    env = {**os.environ, "ADVOCACY_DB": str(db_path), "ADVOCACY_DEMO": "1" if demo else "0"}
    log_file = log.path.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("Streamlit did not start: " + log.path.read_text(errors="replace"))
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log_file.close()
    everything = [line for line in log.path.read_text(errors="replace").splitlines()
                  if LOG_PROBLEMS.search(line)]
    assert everything == [], "The Streamlit server logged a problem:\n" + "\n".join(everything)


@pytest.fixture(scope="session")
def server(server_db_path, server_log):
    """A Streamlit server on a fresh demo database; yields its base URL."""
    with serve(server_db_path, server_log) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


@contextlib.contextmanager
def browser_tab(browser, url: str):
    """A fresh browser context (nb-NO) on `url`; fails if an exception box was shown."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nb-NO")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.goto(url)
    try:
        yield pg
    finally:
        shown = pg.locator('[data-testid="stException"]').all_inner_texts()
        context.close()
    assert shown == [], f"An exception box was shown to the user: {shown}"


@pytest.fixture
def page(browser, server):
    with browser_tab(browser, server) as pg:
        yield pg


def login(page, username: str, password: str = "demo1234") -> None:
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord", exact=True).fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_text("Innlogget som").wait_for()


def open_page(page, title: str) -> None:
    page.get_by_role("link", name=title).click()
    page.get_by_role("heading", name=title).wait_for()


def wait_idle(page) -> None:
    """Wait until the script run triggered by the last input has finished (as Streamlit's own
    e2e tests do), so a click acts on what the page shows now, not on a run in flight."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()


def choose(page, label: str, option, typed: str = "", *, last: bool = False) -> str:
    """Pick from a selectbox by its exact label (`last`: the lowest of several with that label,
    e.g. an editor's box under a list filter of the same name); `option` is an exact name or a
    pattern, `typed` narrows a long list. Opens the list again if a rerun redrew it; returns
    the option's text."""
    for _ in range(3):
        box = page.get_by_role("combobox", name=label, exact=True)
        (box.last if last else box.first).click()
        if typed:
            page.keyboard.type(typed)
        item = page.get_by_role("option", name=option, exact=isinstance(option, str)).first
        try:
            text = item.inner_text(timeout=5000)
            item.click(timeout=5000)
        except Exception:  # noqa: BLE001 - the list was redrawn by a rerun; open it again
            page.keyboard.press("Escape")
            continue
        wait_idle(page)
        return text
    raise AssertionError(f"could not choose {option!r} in {label!r}")


def pick_politician(page, nth: int = 0) -> str:
    """Add the `nth` politician offered in «Politikere til stede» (every option is one: the app
    turns «Select all» off) and close the list; returns the politician's name."""
    page.get_by_role("combobox", name="Politikere til stede").click()
    option = page.get_by_role("option").filter(has_not_text="Select all").nth(nth)
    label = option.inner_text()
    option.click()
    page.keyboard.press("Escape")
    return label.split(" (")[0].strip()


def download(page, button):
    """Click the download `button` (a locator) once the page is idle; returns Playwright's
    Download (`suggested_filename`, `path()`, `save_as()`)."""
    wait_idle(page)
    with page.expect_download() as info:
        button.click()
    return info.value


SESSION_COOKIE = "pavirk_session"


def session_cookie(context, timeout: float = 30.0) -> dict:
    """The session cookie, once the page's script has written it (on a machine busy with other
    work the first run after login can take many seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [c for c in context.cookies() if c["name"] == SESSION_COOKIE]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError("the session cookie was never written")
