"""When OpenSearch answers with a server error, or does not answer in time, visitors
still get results from the database with a notice, and the API still answers.

OpenSearch is played by a tiny HTTP server on loopback, started by each test: one
answers every request with 503, the other holds every request longer than the
OPENSEARCH_TIMEOUT the test sets. Neither needs the real node.
"""

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from demo.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db

FALLBACK_NOTICE = "The search engine is unavailable: these results come from a simpler search"
TIMEOUT = 0.5  # seconds, OPENSEARCH_TIMEOUT while the stand-in hangs
HANG = 10  # seconds a hanging request is held at most (released when the test ends)


@contextmanager
def stand_in(*, status=None, hang=None):
    """An "OpenSearch" on 127.0.0.1 that answers `status` to everything, or waits on
    the `hang` event before answering; yields (url, requests received)."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            received.append(f"{self.command} {self.path}")
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if hang is not None:
                hang.wait(HANG)
            body = json.dumps({"error": {"type": "stand_in", "reason": "unavailable"}, "status": status}).encode()
            try:
                self.send_response(status or 200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the client gave up waiting
                pass

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", received
    finally:
        if hang is not None:
            hang.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(params=["503", "timeout"])
def broken_engine(request, settings):
    """OpenSearch failing in one of two ways; yields the requests it received."""
    if request.param == "503":
        with stand_in(status=503) as (url, received):
            settings.OPENSEARCH_URL = url
            yield received
    else:
        with stand_in(hang=threading.Event()) as (url, received):
            settings.OPENSEARCH_URL, settings.OPENSEARCH_TIMEOUT = url, TIMEOUT
            yield received


@pytest.fixture
def cases(case_index):
    return {
        "housing": CaseStudyPageFactory(parent=case_index, title="Housing cooperatives", summary="Homes run by many."),
        # Tagged with its own topic: the fallback matches vocabulary labels too.
        "mobility": CaseStudyPageFactory(
            parent=case_index,
            title="Bicycle highways",
            summary="Fast cycle routes.",
            taxonomy__topic="sustainable-mobility",
        ),
    }


@contextmanager
def quickly():
    """Each test waits for at most a few OpenSearch timeouts, never for the stand-in."""
    started = time.monotonic()
    yield
    assert time.monotonic() - started < HANG / 2


def test_the_search_page_answers_from_the_database_with_its_notice(client, cases, broken_engine):
    with quickly():
        response = client.get("/en/search/", {"q": "housing"})
    assert broken_engine, "the stand-in was never asked"
    assert response.status_code == 200
    html = response.content.decode()
    assert FALLBACK_NOTICE in html
    assert "Housing cooperatives" in html and "Bicycle highways" not in html
    assert "1 result" in html


def test_the_api_answers_from_the_database_and_says_so(client, cases, broken_engine):
    with quickly():
        response = client.get("/api/v1/search/", {"q": "housing"})
    assert broken_engine
    assert response.status_code == 200
    data = response.json()
    assert data["engine"] == "database" and data["total"] == 1
    assert [result["title"] for result in data["results"]] == ["Housing cooperatives"]
    assert data["results"][0]["url"] == cases["housing"].url
    assert data["facets"] == {}


def test_suggestions_exports_and_case_pages_still_answer(client, cases, broken_engine):
    with quickly():
        suggest = client.get("/api/v1/suggest/", {"q": "Housing co"})
        export = client.get("/en/search/export.csv", {"q": "bicycle"})
        case_page = client.get(cases["housing"].url)
    assert broken_engine
    assert suggest.status_code == 200
    assert {"text": "Housing cooperatives", "type": "page", "url": cases["housing"].url} in suggest.json()[
        "suggestions"
    ]
    assert export.status_code == 200 and "Bicycle highways" in export.getvalue().decode()
    assert "Housing cooperatives" not in export.getvalue().decode()
    assert case_page.status_code == 200 and "Homes run by many." in case_page.content.decode()
