"""The review server and session without a browser: the token, the host, the headers,
one writer at a time, and that saving writes the corrections file and nothing else."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan.cli import cli
from floorplan.corrections import parse_text
from floorplan.review.server import ReviewServer
from floorplan.review.session import Conflict, Session

PLAN = {
    "type": "FeatureCollection",
    "floorplan": {"name": "Two rooms", "scheme": "flat"},
    "features": [
        {"type": "Feature", "properties": {"kind": "room", "id": "R1", "name": "Room 1"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}},
        {"type": "Feature", "properties": {"kind": "room", "id": "R2", "name": "Bathroom"},
         "geometry": {"type": "Polygon", "coordinates": [[[4.1, 0], [6.1, 0], [6.1, 3], [4.1, 3], [4.1, 0]]]}},
    ],
}
EXISTING = '''# checked on site, 3 May
version = 1

[[room]]
at = [5.1, 1.5]
name = "Shower room"   # the bath is a shower tray

# the cupboard under the stairs is drawn as part of it
[[room]]
at = [90, 90]
name = "Lost"
'''


@pytest.fixture
def plan(tmp_path):
    p = tmp_path / "two.geojson"
    p.write_text(json.dumps(PLAN))
    return p


@pytest.fixture
def server(plan):
    s = ReviewServer(Session(plan))
    s.start()
    yield s
    s.shutdown()
    s.server_close()


def request(server, path, body=None, token=True, headers=None, host=None):
    url = f"http://127.0.0.1:{server.server_port}{path}"
    h = dict(headers or {})
    if token:
        h.setdefault("X-Floorplan-Token", server.token)
    if host:
        h["Host"] = host
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, headers=h, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_it_listens_on_127_0_0_1_only_on_a_port_of_its_own(server):
    assert server.server_address[0] == "127.0.0.1" and server.server_port > 0
    assert re.fullmatch(rf"http://127\.0\.0\.1:{server.server_port}/\?t=[A-Za-z0-9_-]{{32}}", server.url)


def test_every_request_needs_the_token(server):
    for path in ("/", "/app.js", "/api/state"):
        assert request(server, path, token=False)[0] == 403
    assert request(server, "/api/state", headers={"X-Floorplan-Token": "guess"}, token=False)[0] == 403
    assert request(server, "/api/edit", {"revision": 0, "edit": {"op": "undo", "index": 0}},
                   token=False)[0] == 403
    status, headers, body = request(server, f"/?t={server.token}", token=False)
    assert status == 200 and b'content="' + server.token.encode() + b'"' in body


def test_another_host_name_is_refused(server):
    # a page on evil.example whose name was re-pointed at 127.0.0.1 (DNS rebinding)
    assert request(server, "/api/state", host=f"evil.example:{server.server_port}")[0] == 421


def test_every_answer_carries_the_content_security_policy(server):
    for path in ("/", "/app.js", "/app.css", "/api/state"):
        status, headers, _ = request(server, path)
        assert status == 200
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_page_fetches_nothing_from_elsewhere_and_writes_no_markup_from_data():
    static = resources.files("floorplan.review").joinpath("static")
    for name in ("index.html", "app.js", "app.css"):
        text = static.joinpath(name).read_text(encoding="utf-8")
        urls = set(re.findall(r"https?://[^\s\"')]+", text)) - {"http://www.w3.org/2000/svg"}
        assert not urls, (name, urls)
        assert "@import" not in text and "<style" not in text
    js = static.joinpath("app.js").read_text(encoding="utf-8")
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert unsafe not in js
    html = static.joinpath("index.html").read_text(encoding="utf-8")
    assert "<script>" not in html and not re.search(r"\son[a-z]+\s*=", html)  # no inline handlers


def test_an_edit_is_checked_again_and_a_stale_one_is_refused(server):
    st = json.loads(request(server, "/api/state")[2])
    # 'Room 1' (12 m², use unknown) is most of the floor: no verdict until it is named
    assert st["summary"]["result"] == "cannot_assess" and st["revision"] == 0
    edit = {"op": "room", "room": "R1", "set": {"name": "Bedroom 1", "use": "bedroom"}}
    status, _, body = request(server, "/api/edit", {"revision": 0, "edit": edit})
    st = json.loads(body)
    assert status == 200 and st["revision"] == 1
    assert [r["use"] for r in st["rooms"] if r["id"] == "R1"] == ["bedroom"]
    assert '[[room]]\n# R1 (\'Room 1\', 12.00 m²) as the page showed it\nat = [2.0, 1.5]' in st["text"]
    status, _, body = request(server, "/api/edit", {"revision": 0, "edit": edit})  # another tab
    assert status == 409 and "another window" in json.loads(body)["error"]
    status, _, body = request(server, "/api/edit", {"revision": 1, "edit": {"op": "room", "room": "R9",
                                                                          "set": {"name": "x"}}})
    assert status == 422 and "no room R9" in json.loads(body)["error"]
    bad = {"op": "room", "room": "R1", "set": {"use": "ballroom"}}
    status, _, body = request(server, "/api/edit", {"revision": 1, "edit": bad})
    assert status == 422 and "did you mean" in json.loads(body)["error"]
    assert json.loads(request(server, "/api/state")[2])["revision"] == 1  # nothing changed
    assert request(server, "/api/edit", {"revision": 1}, headers={"Content-Type": "text/plain"})[0] == 415


def test_saving_writes_the_corrections_file_and_nothing_else(server, plan):
    before = {p.name: p.read_bytes() for p in plan.parent.iterdir()}
    edit = {"op": "delete", "room": "R2"}
    request(server, "/api/edit", {"revision": 0, "edit": edit})
    status, _, body = request(server, "/api/save", {"revision": 1})
    assert status == 200
    target = plan.with_name("two.geojson.corrections.toml")
    after = {p.name: p.read_bytes() for p in plan.parent.iterdir()}
    assert set(after) == set(before) | {target.name}
    assert all(after[k] == v for k, v in before.items())
    c = parse_text(target.read_text(encoding="utf-8"), str(target))
    assert [(e.action, e.values["at"]) for e in c.entries] == [("delete", (5.1, 1.5))]
    res = CliRunner().invoke(cli, ["check", str(plan), "--format", "json"])
    assert [r["id"] for r in json.loads(res.stdout)["rooms"]] == ["R1"]


def test_a_file_changed_on_disk_during_the_review_is_not_overwritten(plan):
    target = plan.with_name("two.geojson.corrections.toml")
    s = Session(plan)
    s.edit({"op": "delete", "room": "R2"}, 0)
    target.write_text("# written by someone else\n")
    with pytest.raises(Conflict):
        s.save(1)
    assert target.read_text() == "# written by someone else\n"


def test_the_corrections_already_in_the_file_keep_their_words(plan):
    target = plan.with_name("two.geojson.corrections.toml")
    target.write_text(EXISTING)
    s = Session(plan)
    assert s.text() == EXISTING
    assert [c.status for c in s.plan.corrections] == ["applied", "unmatched"]
    s.edit({"op": "undo", "index": 1}, 0)  # the assessor drops the one that finds nothing
    s.edit({"op": "plan", "key": "units", "value": "m"}, 1)
    text = s.text()
    assert "# checked on site, 3 May" in text and '# the bath is a shower tray' in text
    assert "Lost" not in text and "cupboard" not in text
    assert '[plan]\nunits = "m"\n' in text
    s.save(2)
    assert target.read_text() == text


def test_the_command_refuses_standard_input_and_bad_corrections(plan, tmp_path):
    res = CliRunner().invoke(cli, ["review", "-"])
    assert res.exit_code == 2 and "standard input" in res.stderr
    bad = tmp_path / "c.toml"
    bad.write_text("[[room]]\nat = [1, 1]\nnmae = 'x'\n")
    res = CliRunner().invoke(cli, ["review", str(plan), "--corrections", str(bad), "--no-open"])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"floorplan: {bad}: line 3: [[room]]: unknown key 'nmae'; did you mean 'name'?"


def test_units_and_a_split_from_the_page(tmp_path):
    # the same two rooms drawn in millimetres without saying so
    mm = json.loads(json.dumps(PLAN))
    for f in mm["features"]:
        f["geometry"]["coordinates"] = [[[x * 1000, y * 1000] for x, y in ring]
                                        for ring in f["geometry"]["coordinates"]]
    p = tmp_path / "mm.geojson"
    p.write_text(json.dumps(mm))
    s = Session(p)
    assert s.plan.room("R1").polygon.area == pytest.approx(12e6)
    s.edit({"op": "plan", "key": "units", "value": "mm"}, 0)
    assert s.plan.room("R1").polygon.area == pytest.approx(12.0)
    s.edit({"op": "split", "room": "R1", "line": [[1.0, 0.5], [1.0, 2.5]]}, 1)
    assert sorted(round(r.polygon.area, 6) for r in s.plan.rooms) == [3.0, 6.0, 9.0]
    assert "line = [[1000.0, 500.0], [1000.0, 2500.0]]" in s.text()  # drawing units
    assert Path(s.target).exists() is False
