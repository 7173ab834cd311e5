"""The web view in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) driven by selenium, against ``sitrep serve`` on a free port.

The database is the bundled sample reports run through the real pipeline, plus one report
whose title, link and text are hostile HTML. Screenshots go to ``test-artifacts/``.
Without Chromium the tests skip with a reason; with ``CI`` set they fail instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "sitrep" / "samples"
IS_CI = bool(os.environ.get("CI"))
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
)
SERVER_START_SECONDS = 30
PAGE_WAIT_SECONDS = 30
HOSTILE_TEXT = (
    'Gunmen attacked a village near Kankara on Monday. <img src=x onerror="window.sitrepXss=1">'
    ' <script>window.sitrepXss = 2</script> Officials said "<b>five</b>" people died.'
)
HOSTILE_REPORT = {
    "id": "hostile-report",
    "title": '<img src=x onerror="window.sitrepXss=3">Hostile report',
    "url": "javascript:window.sitrepXss=4",
    "date": "2021-08-11",
    "text": HOSTILE_TEXT,
}

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _browser_missing() -> str | None:
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists() and shutil.which(Path(path).name) is None:
            return f"{path} not found (apt-get install -y chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (run `make install`)"
    return None


@pytest.fixture(scope="module")
def database(resources, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples and the hostile report, extracted by the real pipeline."""
    from sitrep.pipeline import extract_to_store
    from sitrep.store import open_store

    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_REPORT) + "\n", encoding="utf-8")
    path = folder / "sitrep.db"
    with open_store(path) as store:
        summary = extract_to_store([SAMPLES, hostile], store=store, resources=resources)
    assert not summary.failures
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def site(database: Path) -> Iterator[str]:
    """``sitrep serve`` on a free port; yields its base URL."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--db", str(database), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(base + "/api/facets", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None:
                    pytest.fail(f"sitrep serve exited: {server.communicate()[1]}")
                if time.monotonic() > deadline:
                    pytest.fail("sitrep serve did not answer in time")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.communicate(timeout=SERVER_START_SECONDS)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    missing = _browser_missing()
    if missing is not None:
        if IS_CI:
            pytest.fail(f"CI is set but {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="sitrep-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(
        options=options, service=Service(shutil.which("chromedriver") or CHROMEDRIVER)
    )
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _api(site: str, path: str) -> dict:  # type: ignore[type-arg]
    with urllib.request.urlopen(site + path, timeout=10) as response:
        return json.load(response)  # type: ignore[no-any-return]


def _wait_ready(driver, element_id: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, PAGE_WAIT_SECONDS,
                  ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.ID, element_id).get_attribute("data-ready") == "true"
        and d.find_element(By.ID, element_id).get_attribute("data-basemap") == "loaded"
    )


def _navigate(driver, action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` (a click that loads another page) and wait until the old page is gone:
    until then the old page's map still reads as ready, and reading it while it is torn down
    fails (a stale element, or Chromium's "node does not belong to the document")."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("window.sitrepOldPage = true")
    action()

    def new_page_loaded(d) -> bool:  # type: ignore[no-untyped-def]
        try:
            return bool(d.execute_script(
                "return window.sitrepOldPage === undefined && document.readyState !== 'loading'"))
        except WebDriverException:  # the page is being replaced
            return False

    WebDriverWait(driver, PAGE_WAIT_SECONDS).until(new_page_loaded)


def _severe_console_messages(driver) -> list[str]:  # type: ignore[no-untyped-def]
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _screenshot(driver, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path


def test_map_filter_and_event_page_show_the_right_events_and_evidence(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    everything = _api(site, "/api/events?limit=1000")
    placed = [e for e in everything["items"] if e["location"] and e["location"]["lat"] is not None]
    browser.get(site + "/")
    _wait_ready(browser, "map")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.event-marker")) == len(placed)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path:not(.event-marker)")) > 100
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline rect.timeline-bar")
    assert browser.find_element(By.ID, "summary").text == f"{everything['total']} events match."

    Select(browser.find_element(By.NAME, "country")).select_by_value("SY")
    Select(browser.find_element(By.NAME, "event_type")).select_by_value("Battles")
    _navigate(browser, browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click)
    _wait_ready(browser, "map")
    assert "country=SY" in browser.current_url
    syria = _api(site, "/api/events?country=SY&event_type=Battles")
    assert syria["total"] >= 1
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tr.event-row")
    assert [r.get_attribute("data-event-id") for r in rows] == [e["id"] for e in syria["items"]]
    assert all(", SY" in r.text for r in rows)
    markers = browser.find_elements(By.CSS_SELECTOR, "#map path.event-marker")
    assert {m.get_attribute("data-event-id") for m in markers} == {e["id"] for e in syria["items"]}
    _screenshot(browser, "web-map-filtered.png")

    raid = next(e for e in syria["items"] if "Deir" in (e["location"]["name"] or ""))
    _navigate(browser, browser.find_element(
        By.CSS_SELECTOR, f'tr[data-event-id="{raid["id"]}"] a.event-link').click)
    _wait_ready(browser, "event-map")
    assert browser.find_element(By.ID, "event-title").text.startswith(raid["sub_event_type"])
    assert browser.find_element(By.ID, "event-fatalities").text == str(raid["fatalities"])
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark.evidence")]
    assert any("Islamic State members were killed" in m for m in marks), marks
    claims = browser.find_element(By.ID, "claims").text
    assert "Syrian Observatory for Human Rights" in claims and "reported" in claims
    assert browser.find_elements(By.CSS_SELECTOR, "a.document-link")
    _screenshot(browser, "web-event.png")
    first_mark = browser.find_element(By.CSS_SELECTOR, "mark.evidence")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", first_mark)
    _screenshot(browser, "web-event-evidence.png")
    assert _severe_console_messages(browser) == []


def test_clicking_a_marker_opens_a_popup_linking_to_its_event(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(site + "/?country=AF")
    _wait_ready(browser, "map")
    marker = browser.find_element(By.CSS_SELECTOR, "#map path.event-marker")
    event_id = marker.get_attribute("data-event-id")
    browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker
    )
    # Leaflet fades the popup in: until it is shown, Selenium reads its link's text as "".
    link = WebDriverWait(browser, PAGE_WAIT_SECONDS).until(
        lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, ".leaflet-popup a.popup-title")
                        if a.is_displayed() and a.text), False)
    )
    assert link.get_attribute("href").endswith(f"/events/{event_id}")
    event = _api(site, f"/api/events/{event_id}")["event"]
    assert link.text == event["sub_event_type"]
    # A DOM click: Leaflet may still be panning the popup into view, and a pointer click
    # at its old place would land on the map instead.
    _navigate(browser, lambda: browser.execute_script("arguments[0].click()", link))
    _wait_ready(browser, "event-map")
    assert browser.find_element(By.CSS_SELECTOR, "article.event").get_attribute(
        "data-event-id") == event_id


def test_clicking_a_timeline_bar_filters_the_page_to_that_period(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site + "/")
    _wait_ready(browser, "map")
    bar = browser.find_elements(By.CSS_SELECTOR, "#timeline rect.timeline-bar")[-1]
    start, count = bar.get_attribute("data-start"), int(bar.get_attribute("data-count"))
    _navigate(browser, lambda: browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bar
    ))
    _wait_ready(browser, "map")
    assert f"since={start}" in browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, "#events tr.event-row")) == count


def test_hostile_report_text_is_shown_literally_and_runs_nothing(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site + "/documents")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "a.document-link")
                if "Hostile report" in a.text)
    assert link.text == HOSTILE_REPORT["title"]
    _navigate(browser, link.click)
    text = browser.find_element(By.CSS_SELECTOR, ".source-text").text
    assert '<img src=x onerror="window.sitrepXss=1">' in text
    assert "<script>window.sitrepXss = 2</script>" in text
    assert browser.execute_script("return window.sitrepXss === undefined")
    hrefs = [a.get_attribute("href") or "" for a in browser.find_elements(By.TAG_NAME, "a")]
    assert not [h for h in hrefs if re.match(r"\s*javascript:", h)]
    assert browser.find_elements(By.TAG_NAME, "img") == []
