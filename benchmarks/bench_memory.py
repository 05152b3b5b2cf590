"""Peak memory of the Streamlit server with concurrent sessions on the national dataset.

Starts `streamlit run app.py` headless on a free loopback port with ADVOCACY_DB set, opens
`sessions` browser pages at once (Playwright on Debian's chromium, one context each, so each is
its own Streamlit session), logs each in as a different user through the login form and opens
several pages in each, all sessions staying connected. The server's peak resident set size
(VmHWM in /proc/<pid>/status) is read at the end.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advocacy import permissions, texts  # noqa: E402
from advocacy.accounts.user import User  # noqa: E402

PASSWORD = "benchmark-passord"  # make_dataset's users
# bruker001 leads; make_dataset gives i % 3 == 0 the writing group, the rest a chapter.
ROLES = {n: "leder" if n == 1 else ("lokallag" if (n - 1) % 3 else "skrivegruppe")
         for n in range(1, 501)}
TOUR = ["kommuner", "politikere", "moter", "brev", "uttalelser", "kalender"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "ADVOCACY_DB": str(db), "ADVOCACY_DEMO": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("Streamlit did not start")


async def _session(browser, url: str, user: int, pages: int) -> int:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(90_000)
    await page.goto(url)
    await page.get_by_label("Brukernavn").fill(f"bruker{user:03d}")
    await page.get_by_label("Passord", exact=True).fill(PASSWORD)
    await page.get_by_role("button", name="Logg inn").click()
    await page.get_by_text("Innlogget som").wait_for()
    opened = 1
    for key in [k for k in TOUR if k in permissions.pages(User(0, ROLES[user], ROLES[user], ROLES[user]))][:pages]:
        title = texts.PAGE_TITLES[key]
        await page.get_by_role("link", name=title).click()
        await page.get_by_role("heading", name=title).first.wait_for()
        await page.wait_for_timeout(500)
        opened += 1
    return opened  # the context stays open: the session lives until the end


async def _drive(url: str, sessions: int, pages: int) -> int:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            opened = await asyncio.gather(*[_session(browser, url, n + 1, pages)
                                            for n in range(sessions)])
        finally:
            await browser.close()
    return sum(opened)


def measure(db: Path, sessions: int = 10, pages: int = 4) -> dict:
    proc, url = start_server(db)
    try:
        idle_kb = _kb(proc.pid, "VmRSS")
        start = time.perf_counter()
        opened = asyncio.run(_drive(url, sessions, pages))
        seconds = time.perf_counter() - start
        peak_kb = _kb(proc.pid, "VmHWM")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return {"peak_mb": peak_kb / 1024, "idle_mb": idle_kb / 1024, "sessions": sessions,
            "pages_opened": opened, "seconds": seconds}


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10)))
