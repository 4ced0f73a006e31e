"""ifcZIP (``.ifczip``): a zip archive holding one IFC-SPF model, unpacked within budgets.

The archive is refused with one line (exit 2) when it cannot be read (not a zip, cut
short, encrypted, an unknown compression), when it holds no ``.ifc`` or several, when it
has more than :data:`MAX_MEMBERS` entries, or when its model would unpack past
:data:`~floorplan.io.limits.MAX_PLAN_BYTES` or to more than
:data:`~floorplan.io.limits.MAX_ZIP_RATIO` times its packed size (a zip bomb). Sizes are
counted as the bytes come out, not taken from the archive's headers, which may lie.

The model is unpacked into a private temporary folder under a name floorplan chooses (the
archive's own member names never reach the file system) and removed once parsed. The
input is never modified.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from floorplan.errors import PlanReadError
from floorplan.io import limits

#: an ifcZIP holds one model (and perhaps a few extras): more entries than this is no ifcZIP
MAX_MEMBERS = 1000
#: bytes copied at a time
CHUNK = 1 << 20
#: the zip magic number: an ifcZIP is known by it, whatever its name
MAGIC = b"PK\x03\x04"


def is_zip(path: str | os.PathLike) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == MAGIC


def ifc_members(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's ``.ifc`` members (not folders, nor macOS's ``__MACOSX/`` shadows)."""
    return [i for i in zf.infolist() if not i.is_dir() and i.filename.lower().endswith(".ifc")
            and not i.filename.startswith("__MACOSX/")]


@contextmanager
def unpacked(path: str | os.PathLike) -> Iterator[tuple[Path, str]]:
    """``(a temporary .ifc file, the member's name)`` for the one model in ``path``."""
    source = str(path)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise PlanReadError(source, f"not a readable ifcZIP archive ({exc})") from None
    with zf, tempfile.TemporaryDirectory(prefix="floorplan-ifczip-") as tmp:
        info = _the_model(zf, source)
        out = Path(tmp) / "model.ifc"
        _copy(zf, info, out, f"{source}: {info.filename}")
        yield out, info.filename


def _the_model(zf: zipfile.ZipFile, source: str) -> zipfile.ZipInfo:
    entries = zf.infolist()
    if len(entries) > MAX_MEMBERS:
        raise PlanReadError(source, f"an ifcZIP of {len(entries):,} entries; one holds a single "
                            f".ifc model (at most {MAX_MEMBERS:,} entries are read)")
    models = ifc_members(zf)
    if not models:
        xml = [i.filename for i in entries if i.filename.lower().endswith(".ifcxml")]
        if xml:
            raise PlanReadError(source, f"the ifcZIP holds an ifcXML model ({xml[0]}), which "
                                "floorplan does not read: export the model as IFC (.ifc, STEP)")
        raise PlanReadError(source, "the ifcZIP holds no .ifc model")
    if len(models) > 1:
        names = ", ".join(i.filename for i in models[:3]) + (", ..." if len(models) > 3 else "")
        raise PlanReadError(source, f"the ifcZIP holds {len(models)} .ifc models ({names}); it "
                            "should hold one: check each model on its own")
    return models[0]


def _copy(zf: zipfile.ZipFile, info: zipfile.ZipInfo, out: Path, where: str) -> None:
    """Unpack ``info`` to ``out``, counting the bytes against the budgets."""
    cap, ratio = limits.MAX_PLAN_BYTES, limits.MAX_ZIP_RATIO
    packed = max(info.compress_size, 1)

    def check(size: int, said: str) -> None:
        if size > cap:
            raise PlanReadError(where, f"unpacks to {said}over {cap / 2**20:,.0f} MiB, more "
                                "than a model may be")
        if size >= 1 << 20 and size > packed * ratio:
            raise PlanReadError(where, f"unpacks to {said}over {ratio} times its packed size "
                                f"({packed:,} bytes): a zip bomb?")

    if info.flag_bits & 0x1:
        raise PlanReadError(where, "the ifcZIP's model is encrypted: unzip it with its password "
                            "and check the .ifc")
    check(info.file_size, "")
    done = 0
    try:
        with zf.open(info) as src, open(out, "wb") as dst:
            while chunk := src.read(CHUNK):
                done += len(chunk)
                check(done, "more than its header says, ")
                dst.write(chunk)
    except PlanReadError:
        raise
    except (OSError, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
        # cut short, a bad CRC, an unknown compression method
        raise PlanReadError(where, f"cannot unpack the ifcZIP's model ({exc})") from None
    except Exception as exc:  # zlib.error, lzma/bz2 errors on corrupt data
        raise PlanReadError(where, f"cannot unpack the ifcZIP's model ({type(exc).__name__}: "
                            f"{exc})") from None
