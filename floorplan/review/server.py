"""The review page's server: the standard library's ``http.server``, on 127.0.0.1 only.

Why the standard library: the page needs a handful of JSON calls and three static files
for one person on one machine; ``http.server`` serves that with no dependency to install,
pin or audit, and nothing here needs more (no templates, sessions or websockets).

Security, since a browser on the same machine may also be visiting hostile sites:
- bound to 127.0.0.1 on a port the system picks, never to the network;
- every request must carry the random token the address holds (``?t=`` on the page and
  its files, the ``X-Floorplan-Token`` header on API calls), compared in constant time;
- the ``Host`` header must name this server (against DNS rebinding);
- API calls must be ``application/json`` (a cross-site form cannot send it) and small;
- a Content-Security-Policy allowing only this server's own script, styles and calls, no
  framing; everything is served from the package (no CDN, no web fonts);
- edits and saves go through the :class:`~floorplan.review.session.Session`, which takes
  one at a time and refuses edits made on a stale revision.
"""

from __future__ import annotations

import hmac
import json
import logging
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from floorplan.errors import FloorplanError
from floorplan.review.session import BadEdit, Conflict, Session
from floorplan.review.state import state

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
STATIC = {"/app.js": "text/javascript; charset=utf-8", "/app.css": "text/css; charset=utf-8"}
MAX_BODY = 1 << 20


def _static(name: str) -> bytes:
    return resources.files("floorplan.review").joinpath("static", name).read_bytes()


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, session: Session, port: int = 0, token: str | None = None):
        super().__init__(("127.0.0.1", port), Handler)
        self.session = session
        self.token = token or secrets.token_urlsafe(24)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/?t={self.token}"

    def start(self) -> threading.Thread:
        """Serve in a background thread (for tests); :meth:`shutdown` stops it."""
        t = threading.Thread(target=self.serve_forever, name="floorplan-review", daemon=True)
        t.start()
        return t


class Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "floorplan-review"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        log.debug("review: " + format, *args)

    # -- checks -----------------------------------------------------------------------------
    def _allowed(self) -> bool:
        port = self.server.server_port
        if self.headers.get("Host") not in (f"127.0.0.1:{port}", f"localhost:{port}"):
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"wrong host\n", "text/plain")
            return False
        query = parse_qs(urlsplit(self.path).query)
        given = self.headers.get("X-Floorplan-Token") or (query.get("t") or [""])[0]
        if not hmac.compare_digest(given.encode(), self.server.token.encode()):
            self._send(HTTPStatus.FORBIDDEN, b"this address needs its token: use the one "
                       b"floorplan review printed\n", "text/plain")
            return False
        return True

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8"),
                   "application/json; charset=utf-8")

    # -- GET ----------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if not self._allowed():
            return
        path = urlsplit(self.path).path
        if path == "/":
            page = _static("index.html").decode("utf-8").replace("__TOKEN__", self.server.token)
            self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
        elif path in STATIC:
            self._send(HTTPStatus.OK, _static(path[1:]), STATIC[path])
        elif path == "/api/state":
            with self.server.session.lock:
                self._json(HTTPStatus.OK, state(self.server.session))
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    # -- POST ---------------------------------------------------------------------------------
    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        if not self._allowed():
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            self._json(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "send JSON"})
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "too large"})
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            if not isinstance(body, dict):
                raise ValueError
            revision = int(body.get("revision", -1))
        except (ValueError, TypeError):
            self._json(HTTPStatus.BAD_REQUEST, {"error": "not a JSON object with a revision"})
            return
        session = self.server.session
        path = urlsplit(self.path).path
        try:
            with session.lock:
                if path == "/api/edit":
                    session.edit(body.get("edit") or {}, revision)
                    self._json(HTTPStatus.OK, state(session))
                elif path == "/api/save":
                    saved = session.save(revision)
                    self._json(HTTPStatus.OK, {**state(session), "saved": saved})
                else:
                    self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        except Conflict as exc:
            self._json(HTTPStatus.CONFLICT, {"error": str(exc)})
        except BadEdit as exc:
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)})
        except FloorplanError as exc:
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)})
        except Exception as exc:  # a bug must not kill the server or lose the edits so far
            log.exception("review: %s", path)
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR,
                       {"error": f"internal error: {type(exc).__name__}: {exc}"})
