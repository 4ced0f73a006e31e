"""ifcZIP (``.ifczip``): a zip holding one IFC model is read as that model; a hostile or
broken archive is refused with one line naming it, exit code 2, and is never modified."""

from __future__ import annotations

import base64
import hashlib
import os
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("ifcopenshell")

from floorplan.io import limits, read_plan, sniff  # noqa: E402
from tests import test_ifc_models as models  # noqa: E402
from tests.test_ifc_errors import MINIMAL, one_line_exit_2, run  # noqa: E402


def zipped(path: Path, members: dict[str, bytes | str], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def flat(tmp_path) -> bytes:
    return models.flat_room(tmp_path / "flat.ifc").read_bytes()


def test_an_ifczip_reads_as_the_model_it_holds(tmp_path, flat):
    p = zipped(tmp_path / "house.ifczip", {"house.ifc": flat})
    before = hashlib.sha256(p.read_bytes()).hexdigest()
    plan = read_plan(p)
    [room] = plan.rooms
    assert (room.id, room.name) == ("B1", "Bedroom 1")
    assert room.polygon.area == pytest.approx(12.0)  # 4 x 3 m, as the .ifc reads
    assert plan.meta.source == str(p) and plan.meta.format == "ifc"
    assert hashlib.sha256(p.read_bytes()).hexdigest() == before  # the input is untouched


def test_a_zip_holding_an_ifc_is_known_by_its_content_whatever_its_name(tmp_path, flat):
    p = zipped(tmp_path / "export.zip", {"model/flat.ifc": flat, "readme.txt": "from Revit"})
    assert sniff(p) == "ifc"
    assert read_plan(p).rooms[0].polygon.area == pytest.approx(12.0)


def test_the_model_is_unpacked_under_its_own_name_and_removed(tmp_path, flat, monkeypatch):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (tmp_path / "in").mkdir()
    p = zipped(tmp_path / "in" / "evil.ifczip", {"../../escaped.ifc": flat})
    assert read_plan(p).rooms[0].polygon.area == pytest.approx(12.0)
    assert not (tmp_path / "escaped.ifc").exists() and not (tmp_path.parent / "escaped.ifc").exists()
    assert list(scratch.iterdir()) == []  # the unpacked copy is gone


def test_a_zip_bomb_is_refused(tmp_path):
    # 8 MiB of one byte packs to about 8 kB: a thousand times, over the 200 allowed
    p = zipped(tmp_path / "bomb.ifczip", {"bomb.ifc": MINIMAL.encode() + b" " * (8 << 20)})
    line = one_line_exit_2(run(p))
    assert "bomb.ifczip: bomb.ifc" in line and "zip bomb" in line


def test_a_model_over_the_size_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PLAN_BYTES", 1 << 20)
    noise = base64.b64encode(os.urandom(900_000))  # 1.2 MB, hardly packs at all
    p = zipped(tmp_path / "big.ifczip", {"big.ifc": MINIMAL.encode() + b"/*" + noise + b"*/"})
    line = one_line_exit_2(run(p))
    assert "big.ifczip: big.ifc" in line and "over 1 MiB" in line


def test_a_member_longer_than_its_header_says_is_refused(tmp_path, flat):
    p = zipped(tmp_path / "liar.ifczip", {"liar.ifc": flat}, method=zipfile.ZIP_STORED)
    data = bytearray(p.read_bytes())
    # the central directory's uncompressed size (offset 24 of its entry) says 10 bytes
    cd = data.rindex(b"PK\x01\x02")
    data[cd + 24:cd + 28] = (10).to_bytes(4, "little")
    p.write_bytes(bytes(data))
    line = one_line_exit_2(run(p))
    assert "liar.ifczip" in line


@pytest.mark.parametrize(("members", "words"), [
    ({"a.ifc": MINIMAL, "b.ifc": MINIMAL}, "2 .ifc models (a.ifc, b.ifc)"),
    ({"readme.txt": "no model here"}, "holds no .ifc model"),
    ({"house.ifcxml": "<ifcXML/>"}, "ifcXML"),
    ({"house.ifc": "PK this is no STEP"}, "house.ifczip: house.ifc: not an IFC file"),
    ({"house.ifc": MINIMAL[:-40]}, "house.ifczip: house.ifc: the IFC file is truncated"),
])
def test_an_archive_that_is_not_one_model_is_refused_with_one_line(tmp_path, members, words):
    p = zipped(tmp_path / "house.ifczip", members)
    line = one_line_exit_2(run(p))
    assert "house.ifczip" in line and words in line


def test_a_cut_short_or_encrypted_archive_is_refused(tmp_path, flat):
    whole = zipped(tmp_path / "whole.ifczip", {"house.ifc": flat}).read_bytes()
    cut = tmp_path / "cut.ifczip"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "cut.ifczip" in one_line_exit_2(run(cut))
    locked = tmp_path / "locked.ifczip"
    data = bytearray(whole)
    # the encrypted bit, as a password-protected zip has it, in the member's local header
    # (flags at offset 6) and its central directory entry (offset 8)
    local, central = data.index(b"PK\x03\x04"), data.rindex(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    locked.write_bytes(bytes(data))
    line = one_line_exit_2(run(locked))
    assert "locked.ifczip: house.ifc" in line and "encrypted" in line


def test_an_archive_of_thousands_of_entries_is_refused(tmp_path):
    p = zipped(tmp_path / "many.ifczip", {f"f{k}.txt": "" for k in range(1001)} | {"m.ifc": MINIMAL})
    line = one_line_exit_2(run(p))
    assert "many.ifczip" in line and "1,002 entries" in line
