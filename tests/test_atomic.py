"""Outputs are written whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from floorplan.errors import OutputError
from floorplan.io.atomic import write_atomic


def test_written_file_has_the_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


def test_existing_file_replaced_whole(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("old")
    write_atomic(f, "new")
    assert f.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "no" / "r.txt", "x")
