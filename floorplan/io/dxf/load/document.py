"""Open a DXF file with ezdxf, repairing what ezdxf can repair, and say what was repaired.

Order: ``ezdxf.readfile``; if that fails on a structural or type error, ``ezdxf.recover``
(which also returns the problems it fixed). The file is never written.

The text encoding of a file older than R2007 (which is always UTF-8) is chosen by
:func:`~floorplan.io.dxf.load.encoding.choose` from its ``$DWGCODEPAGE`` and from the bytes of its
texts, so that the Shift-JIS, GBK and Big5 texts of R12 drawings that say nothing (or
say ANSI_1252) read right; what was chosen, and why, is said in a note.
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

import ezdxf
from ezdxf import recover
from ezdxf.document import Drawing

from floorplan.errors import PlanReadError
from floorplan.io.dxf.load.encoding import choose
from floorplan.io.paths import check_input
from floorplan.model import InputFinding


@dataclass
class Loaded:
    doc: Drawing
    notes: list[str] = field(default_factory=list)
    findings: list[InputFinding] = field(default_factory=list)
    #: the encoding the texts were read in (``None``: ezdxf's own choice, UTF-8 from R2007)
    encoding: str | None = None


@contextmanager
def _ezdxf_messages(into: list[str]):
    """ezdxf logs what it repairs; keep those messages for the report instead of stderr."""
    log = logging.getLogger("ezdxf")

    class _Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                into.append(record.getMessage())

    handler = _Keep()
    old = log.propagate
    log.addHandler(handler)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.propagate = old


_option_lock = threading.Lock()
_option_readers = 0  # loads under way that read ezdxf's proxy-graphics option once
_option_property: property | None = None  # the option as ezdxf defines it, while patched


@contextmanager
def _proxy_option_once():
    """ezdxf's ``options.load_proxy_graphics`` read once for a whole load.

    ezdxf asks its option for every entity it loads, and each time the option is read
    from its configuration parser (``getboolean``): 3 % of a whole check. For the length
    of the load the property answers the value it had at the start (setting it still
    writes the configuration); loads in several threads share one patch, and the last to
    finish puts ezdxf's own property back."""
    global _option_readers, _option_property
    cls = type(ezdxf.options)
    with _option_lock:
        if _option_readers == 0:
            prop = cls.__dict__.get("load_proxy_graphics")
            if isinstance(prop, property) and prop.fget is not None:
                value = bool(prop.fget(ezdxf.options))
                _option_property = prop
                cls.load_proxy_graphics = property(lambda _self: value, prop.fset)
        _option_readers += 1
    try:
        yield
    finally:
        with _option_lock:
            _option_readers -= 1
            if _option_readers == 0 and _option_property is not None:
                cls.load_proxy_graphics = _option_property
                _option_property = None


def load(path: str | os.PathLike) -> Loaded:
    """Read ``path``; raise :class:`PlanReadError` (one line) when it cannot be used."""
    logged: list[str] = []
    with _ezdxf_messages(logged), _proxy_option_once():
        loaded = _load(path)
    for text in logged[:10]:
        loaded.notes.append(f"ezdxf: {text}")
    if len(logged) > 10:
        loaded.notes.append(f"ezdxf: … and {len(logged) - 10} more messages")
    return loaded


def release(doc: Drawing) -> None:
    """Let the reference counts free ``doc`` once nothing reads it any more.

    An ezdxf drawing is a web of reference cycles (every entity and its attribute
    namespace point at each other; the document, its layouts and its entities too), so
    without this it waits for the cyclic collector, which walks every one of its objects
    (half a million at 16,000 rooms: 0.46 s, about the reader's paused collections' worth).
    Emptying each entity and the document breaks the cycles; what is left is freed at
    once. ``doc`` is unusable afterwards. Whatever this ezdxf keeps elsewhere is left to
    the collector, as before.
    """
    db = getattr(doc, "entitydb", None)
    if db is not None:
        for entity in list(db.values()):
            vars(entity).clear()
    # and the few kept outside the database: the classes and each table's head
    classes = getattr(getattr(doc, "classes", None), "classes", None)
    for entity in list(classes.values()) if isinstance(classes, dict) else ():
        vars(entity).clear()
    tables = getattr(doc, "tables", None)
    for table in list(vars(tables).values()) if tables is not None else ():
        head = getattr(table, "_head", None)
        if head is not None and hasattr(head, "__dict__"):
            vars(head).clear()
    vars(doc).clear()


def _load(path: str | os.PathLike) -> Loaded:
    source = str(path)
    if os.path.isdir(path):
        raise PlanReadError(source, "is a folder, not a DXF file")
    check_input(path, folder_ok=False)  # a FIFO would block ezdxf forever
    notes: list[str] = []
    findings: list[InputFinding] = []
    try:
        enc = choose(path)
    except OSError as exc:
        raise PlanReadError(source, f"cannot open: {exc.strerror or exc}") from None
    if enc.note:
        notes.append(enc.note)
    try:
        # the same drawing, its tags made in bulk (io/dxf/tags.py); else ezdxf's own read
        doc = _bulk_read(str(path), enc.encoding) or ezdxf.readfile(path, encoding=enc.encoding)
    except OSError as exc:
        raise PlanReadError(source, f"cannot open: {exc.strerror or exc}") from None
    except Exception as first:  # noqa: BLE001 - any parser failure sends us to recover
        try:
            doc, auditor = _recover(path, enc.encoding)
        except (ezdxf.DXFStructureError, OSError, ValueError, UnicodeError) as exc:
            raise PlanReadError(source, "not a readable DXF file, even in ezdxf's recover mode ("
                                f"{_why(exc) or _why(first)})") from None
        except Exception as exc:  # noqa: BLE001
            raise PlanReadError(source, "not a readable DXF file, even in ezdxf's recover mode ("
                                f"{type(exc).__name__}: {_why(exc)})") from None
        fixed = [f"{e.message}" for e in auditor.fixes] if auditor else []
        errors = [f"{e.message}" for e in auditor.errors] if auditor else []
        msg = (f"the file is damaged ({type(first).__name__}: {_one_line(first)}); "
               f"read with ezdxf's recover mode: {len(fixed)} repairs, {len(errors)} unfixable errors")
        notes.append(msg)
        findings.append(InputFinding("FP002", msg, entity="file"))
        for text in (fixed + errors)[:10]:
            notes.append(f"recover: {text}")
        if len(fixed) + len(errors) > 10:
            notes.append(f"recover: … and {len(fixed) + len(errors) - 10} more")
    return Loaded(doc, notes, findings, enc.encoding)


def _recover(path, encoding: str | None):
    """``ezdxf.recover.readfile`` reading text as ``encoding``: recover mode detects the
    encoding itself from ``$DWGCODEPAGE`` only, through ``recover.detect_encoding``,
    which is given the chosen one for the length of the call."""
    if encoding is None:
        return recover.readfile(path)
    detect = recover.detect_encoding
    recover.detect_encoding = lambda tags: encoding
    try:
        return recover.readfile(path)
    finally:
        recover.detect_encoding = detect


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def _why(exc: BaseException) -> str:
    """What went wrong, in words: ezdxf says only ``291`` when a group code it looks for is
    missing, so name the code and the kind of entity that was being read (the last of
    ezdxf's entity modules in the traceback: ``visualstyle`` -> VISUALSTYLE)."""
    text = _one_line(exc)
    if text.isdigit():
        text = f"group code {text} missing or out of place"
        kind = _entity_kind(exc.__traceback__)
        if kind:
            text += f" in a {kind} entity"
    return text


def _entity_kind(tb) -> str | None:
    kind = None
    while tb is not None:
        parts = os.path.normpath(tb.tb_frame.f_code.co_filename).split(os.sep)
        if len(parts) >= 3 and parts[-3] == "ezdxf" and parts[-2] == "entities":
            name = os.path.splitext(parts[-1])[0]
            if name not in {"dxfentity", "dxfobj", "dxfgfx", "dxfns", "subentity", "__init__"}:
                kind = name.upper()
        tb = tb.tb_next
    return kind


def _bulk_read(path: str, encoding: str | None) -> Drawing | None:
    """The drawing read by :func:`floorplan.io.dxf.load.tags.readfile`, or ``None`` for
    ezdxf's own read: that module works with ezdxf's tag classes from inside (their
    slots, its loader), so an ezdxf whose insides differ (a module or slot renamed, a
    tag built otherwise) must cost speed, never a read."""
    try:
        from floorplan.io.dxf.load import tags
    except (ImportError, KeyError, AttributeError):
        return None
    try:
        tagged = tags.compile_file(path, encoding)
    except (AttributeError, TypeError, IndexError, KeyError):
        return None
    return None if tagged is None else tags.drawing(tagged, path, encoding)
