"""Text in any encoding (issue 10, item 6): code pages, the East-Asian encodings that R12
drawings carry without saying so, and bytes that no encoding reads; every report is valid
UTF-8 whatever the drawing holds.

The drawings are written by ezdxf as R12 (ANSI_1252) with ASCII placeholders, whose bytes
are then replaced by the encoded names, as a CAD program of that locale writes them.
"""

from __future__ import annotations

import json

import ezdxf
import pytest
from click.testing import CliRunner

from floorplan.cli import cli
from floorplan.io import dxf
from floorplan.io.dxf.load.encoding import choose, clean


def r12(tmp_path, names: dict[bytes, bytes], codepage: bytes | None = b"ANSI_1252",
        version: str = "R12"):
    """Two rooms labelled ``NAMEA`` and ``NAMEB``, those placeholders replaced by bytes;
    ``codepage`` replaces the $DWGCODEPAGE value (``None``: the variable removed)."""
    doc = ezdxf.new(version)
    msp = doc.modelspace()
    for k, (x, w) in enumerate(((0, 4), (4.1, 3))):
        msp.add_polyline2d([(x, 0), (x + w, 0), (x + w, 3), (x, 3)], close=True,
                           dxfattribs={"layer": "ROOMS"})
        msp.add_text(f"NAME{'AB'[k]}", height=0.2).set_placement((x + 1, 1.5))
    p = tmp_path / "plan.dxf"
    doc.saveas(p)
    data = p.read_bytes()
    for old, new in names.items():
        assert old in data
        data = data.replace(old, new)
    if codepage is None:
        data = data.replace(b"  9\n$DWGCODEPAGE\n  3\nANSI_1252\n", b"")
        assert b"$DWGCODEPAGE" not in data
    elif codepage != b"ANSI_1252":
        data = data.replace(b"$DWGCODEPAGE\n  3\nANSI_1252\n", b"$DWGCODEPAGE\n  3\n" + codepage + b"\n")
    p.write_bytes(data)
    return p


def names(plan) -> list[str]:
    return sorted(r.name for r in plan.rooms)


@pytest.mark.parametrize("enc, words", [
    ("cp932", ("寝室", "台所")),        # Shift-JIS: bedroom, kitchen
    ("gbk", ("卧室", "厨房")),          # GBK
    ("cp950", ("臥室", "廚房")),        # Big5
])
@pytest.mark.parametrize("codepage", [b"ANSI_1252", None])
def test_east_asian_text_in_r12_that_does_not_say_so(tmp_path, enc, words, codepage):
    p = r12(tmp_path, {b"NAMEA": words[0].encode(enc), b"NAMEB": words[1].encode(enc)}, codepage)
    plan = dxf.read(p)
    assert names(plan) == sorted(words)
    assert any(n.startswith("text encoding: ") for n in plan.notes)


def test_declared_code_pages_ezdxf_does_not_know(tmp_path):
    # DOS866 (Russian DOS) is not one of ezdxf's ANSI_ code pages
    p = r12(tmp_path, {b"NAMEA": "Кухня".encode("cp866"), b"NAMEB": "Спальня".encode("cp866")},
            b"DOS866")
    assert names(dxf.read(p)) == ["Кухня", "Спальня"]


def test_western_text_stays_western(tmp_path):
    # cp1252 bytes that an East-Asian codec might also swallow: ü + c, é + j
    p = r12(tmp_path, {b"NAMEA": "Küche".encode("cp1252"), b"NAMEB": "Séjour".encode("cp1252")})
    assert choose(p).encoding == "cp1252"
    assert names(dxf.read(p)) == ["Küche", "Séjour"]


def test_utf8_text_in_an_r12_file(tmp_path):
    p = r12(tmp_path, {b"NAMEA": "Küche".encode(), b"NAMEB": "寝室".encode()})
    assert names(dxf.read(p)) == ["Küche", "寝室"]


def test_escapes_and_control_characters(tmp_path):
    # \U+00FC is DXF's escape for ü; an ESC sequence must not reach a terminal
    p = r12(tmp_path, {b"NAMEA": b"K\\U+00FCche", b"NAMEB": b"Bed\x1b[31mroom"}, version="R2018")
    assert names(dxf.read(p)) == ["Bed[31mroom", "Küche"]


def test_bytes_invalid_in_the_declared_code_page_give_valid_utf8_reports(tmp_path):
    # ANSI_932 declared; 0x80 and 0xFF are not Shift-JIS, nor is a lone lead byte 0x81
    bad = b"Bed\x80\xff\x81"
    p = r12(tmp_path, {b"NAMEA": bad, b"NAMEB": "寝室".encode("cp932")}, b"ANSI_932")
    plan = dxf.read(p)
    assert "寝室" in names(plan)
    assert any("\ufffd" in n for n in names(plan))
    for fmt in ("json", "text", "html"):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(cli, ["check", str(p), "--format", fmt, "--output", str(out)])
        assert result.exit_code in (0, 1), result.output
        text = out.read_bytes().decode("utf-8")  # strict: raises on anything invalid
        assert "寝室" in text
        if fmt == "json":
            json.loads(text)


def test_r2007_file_with_cp1252_bytes(tmp_path):
    # R2007 and later are UTF-8 by definition; some exporters still write cp1252 bytes
    p = r12(tmp_path, {b"NAMEA": "Küche".encode("cp1252"), b"NAMEB": b"Bath"}, version="R2018")
    assert names(dxf.read(p)) == ["Bath", "Küche"]


def test_clean_always_gives_utf8():
    for s in ["\udcff\udc80", "a\ud800b", "\u202eevil", "x\x00y", "ok"]:
        clean(s).encode("utf-8")
    assert clean("\u202eevil") == "evil" and clean("x\x00y") == "xy"


def test_every_text_report_is_utf8_whatever_the_plan_holds():
    # a plan made in code with a lone surrogate in a name (as a reader that kept an
    # undecodable byte would make it): the reporters' text still encodes as UTF-8
    from floorplan import reporters
    from floorplan.engine import check
    from tests.plans import plan, rect

    report = check(plan(rect("R1", "Bed\udc81room 1", 0, 0, 4, 3)))
    for fmt in ("text", "json", "html", "geojson", "csv"):
        out = reporters.get(fmt)(report)
        out.encode("utf-8")
        assert "\ufffd" in out, fmt
