r"""The text encoding of a DXF file, and drawing text made safe to show.

DXF files from R2007 on are UTF-8. Older ones are in the code page their ``$DWGCODEPAGE``
names (``ANSI_1252``, ``ANSI_932``, ``DOS850``, ``BIG5``...), which ezdxf reads only in its
``ANSI_`` form; and many R12 drawings from China, Japan and Taiwan carry Shift-JIS, GBK
or Big5 text while saying nothing, or saying ``ANSI_1252``. :func:`choose` looks at the
bytes of the file's texts and picks the encoding that reads them: UTF-8 when every text
is valid UTF-8, the declared code page when it reads them, else the East-Asian encoding
whose common characters they are, else the declared code page (cp1252 when none).

:func:`clean` makes any drawing string safe for every output: ``\U+00FC`` and
``\M+1xxxx`` escapes decoded, bytes that were not valid in the file's encoding
(surrogate escapes) read again or replaced by U+FFFD, control and bidi-override
characters removed. Its result always encodes as UTF-8.

>>> clean("K\\U+00FCche"), clean("X\\M+19051Y"), clean("bad\udc90byte\x1b[31m")
('Küche', 'X寝Y', 'bad�byte[31m')
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass

#: $DWGCODEPAGE values -> Python codecs (ezdxf knows the ANSI_ ones only)
CODEPAGES = {
    "ansi_874": "cp874", "ansi_932": "cp932", "ansi_936": "gbk", "ansi_949": "cp949",
    "ansi_950": "cp950", "ansi_1250": "cp1250", "ansi_1251": "cp1251", "ansi_1252": "cp1252",
    "ansi_1253": "cp1253", "ansi_1254": "cp1254", "ansi_1255": "cp1255", "ansi_1256": "cp1256",
    "ansi_1257": "cp1257", "ansi_1258": "cp1258", "ansi_1361": "johab",
    "dos437": "cp437", "dos850": "cp850", "dos852": "cp852", "dos855": "cp855",
    "dos857": "cp857", "dos860": "cp860", "dos861": "cp861", "dos863": "cp863",
    "dos864": "cp864", "dos865": "cp865", "dos866": "cp866", "dos869": "cp869",
    "dos932": "cp932", "big5": "cp950", "gb2312": "gbk", "ksc5601": "cp949",
    "johab": "johab", "mac-roman": "mac_roman", "macintosh": "mac_roman",
    "iso8859-1": "latin_1", "iso8859-2": "iso8859_2", "iso8859-3": "iso8859_3",
    "iso8859-4": "iso8859_4", "iso8859-5": "iso8859_5", "iso8859-6": "iso8859_6",
    "iso8859-7": "iso8859_7", "iso8859-8": "iso8859_8", "iso8859-9": "iso8859_9",
    "utf8": "utf-8", "utf-8": "utf-8", "ascii": "cp1252",
}
#: the East-Asian encodings tried on texts that the declared code page does not explain
EAST_ASIAN = ("cp932", "gbk", "cp950")
NAMES = {"cp932": "Shift-JIS", "gbk": "GBK", "cp950": "Big5", "utf-8": "UTF-8", "cp949": "Korean"}
#: an East-Asian reading is taken when this share of its characters are common ones
COMMON_SHARE = 0.8
#: bytes of the file read to find the texts (a large drawing's texts repeat)
SAMPLE_BYTES = 8 << 20
MAX_LINES = 4000

_HEADER_VER = re.compile(rb"\$ACADVER\s*\r?\n\s*1\s*\r?\n\s*(AC\d{4})")
_HEADER_CP = re.compile(rb"\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n\s*([^\r\n]*)")
_HIGH = re.compile(rb"[\x80-\xff]")


@dataclass(frozen=True)
class Choice:
    """``encoding`` to hand to ezdxf (``None``: let ezdxf decide, as for R2007 on) and
    the note saying what was chosen when it is not the plain declared one."""

    encoding: str | None
    note: str | None = None


def choose(path: str | os.PathLike) -> Choice:
    """The encoding to read ``path`` with (see the module docstring)."""
    with open(path, "rb") as fh:
        data = fh.read(SAMPLE_BYTES)
    if data.startswith(b"AutoCAD Binary DXF"):
        return Choice(None)
    m = _HEADER_VER.search(data, 0, 1 << 16)
    version = m.group(1).decode() if m else "AC1009"
    if version >= "AC1021":  # R2007 on: UTF-8 by definition
        return Choice(None)
    m = _HEADER_CP.search(data, 0, 1 << 16)
    said = m.group(1).decode("ascii", "replace").strip() if m else ""
    declared = CODEPAGES.get(said.lower()) if said else None
    if data.isascii():
        return Choice(declared or "cp1252")
    lines = _text_lines(data)
    base = declared or "cp1252"
    if _all_decode(lines, "utf-8"):
        return Choice("utf-8", None if base == "utf-8" else
                      f"text encoding: UTF-8 (every text is valid UTF-8; "
                      f"{_said(said)})")
    if declared and declared != "cp1252" and _all_decode(lines, declared):
        return Choice(declared)
    best, share = None, 0.0
    for enc in EAST_ASIAN:
        if not _all_decode(lines, enc):
            continue
        s, n = _common_share(lines, enc)
        if n >= 2 and s > share:
            best, share = enc, s
    if best is not None and share >= COMMON_SHARE:
        return Choice(best, f"text encoding: {NAMES[best]} ({_said(said)}, but its texts are "
                            f"{NAMES[best]}: {share:.0%} of their characters are common ones)")
    if not _all_decode(lines, base):
        bad = sum(1 for ln in lines if not _decodes(ln, base))
        return Choice(base, f"text encoding: {base} ({_said(said)}); {bad} text lines hold "
                            f"bytes that are not valid {base}: shown as \ufffd")
    if not said:
        return Choice(base, f"text encoding: {base} (no $DWGCODEPAGE: the common default)")
    return Choice(base)


def _said(said: str) -> str:
    return f"$DWGCODEPAGE says {said}" if said else "no $DWGCODEPAGE"


def _text_lines(data: bytes) -> list[bytes]:
    """The distinct lines of ``data`` holding a byte above 0x7f, in order. Found from each
    such byte to its line's ends: a pattern that matches the whole line around it
    (``[^\n]*[\x80-\xff][^\n]*``) tries every start on every line, 0.4 s on a 1 MB
    drawing with two such bytes."""
    out: dict[bytes, None] = {}
    at, n = 0, len(data)
    while len(out) < MAX_LINES:
        m = _HIGH.search(data, at)
        if m is None:
            break
        i = m.start()
        start = max(data.rfind(b"\n", 0, i), data.rfind(b"\r", 0, i)) + 1
        ends = [e for e in (data.find(b"\n", i), data.find(b"\r", i)) if e >= 0]
        end = min(ends) if ends else n
        out[data[start:end]] = None
        at = end
    return list(out)


def _decodes(line: bytes, enc: str) -> bool:
    try:
        line.decode(enc)
    except UnicodeDecodeError:
        return False
    return True


def _all_decode(lines: list[bytes], enc: str) -> bool:
    try:
        codecs.lookup(enc)
    except LookupError:
        return False
    return all(_decodes(ln, enc) for ln in lines)


def _common(c: str, enc: str) -> bool:
    """Is ``c`` a common character of the script ``enc`` is for? Told by the encoder
    itself: the level-1 (most used) characters of each standard have known lead bytes."""
    o = ord(c)
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:  # CJK punctuation, full-width forms
        return True
    if enc == "cp932":
        if 0x3041 <= o <= 0x30FF:  # hiragana, katakana
            return True
        b = _enc(c, "cp932")
        return len(b) == 2 and 0x88 <= b[0] <= 0x9F  # JIS level-1 kanji
    if enc == "gbk":
        b = _enc(c, "gb2312")
        return len(b) == 2 and 0xB0 <= b[0] <= 0xD7  # GB 2312 level-1 hanzi
    if enc == "cp950":
        b = _enc(c, "big5")
        return len(b) == 2 and 0xA4 <= b[0] <= 0xC6  # Big5 frequently used hanzi
    return False


def _enc(c: str, enc: str) -> bytes:
    try:
        return c.encode(enc)
    except UnicodeEncodeError:
        return b""


def _common_share(lines: list[bytes], enc: str) -> tuple[float, int]:
    """(share of the non-ASCII characters that are common, number of them)."""
    n = hits = 0
    for ln in lines:
        for c in ln.decode(enc):
            if ord(c) > 0x7F:
                n += 1
                hits += _common(c, enc)
    return (hits / n if n else 0.0), n


# ------------------------------------------------------------------------- clean

_UNICODE = re.compile(r"\\U\+([0-9A-Fa-f]{4})")
_MIF = re.compile(r"\\M\+([1-5])([0-9A-Fa-f]{4})")
_MIF_CODEC = {"1": "cp932", "2": "cp950", "3": "cp949", "4": "johab", "5": "gbk"}
_SURROGATES = re.compile("[\udc80-\udcff]+")
_LONE = re.compile("[\ud800-\udfff]")
# C0 controls but tab and newline, DEL and C1 controls, bidi embeddings and overrides
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: the encoding to read again bytes that the file's own did not decode (set per file)
FALLBACK = "cp1252"


def clean(s: str, fallback: str = FALLBACK) -> str:
    """``s`` decoded and made safe to show (see the module docstring)."""
    if s.isascii() and s.isprintable() and "\\" not in s:
        return s
    if "\\U+" in s or "\\u+" in s:
        s = _UNICODE.sub(lambda m: chr(int(m.group(1), 16)), s)
    if "\\M+" in s or "\\m+" in s:
        s = _MIF.sub(_mif, s)
    if _LONE.search(s):
        s = _SURROGATES.sub(lambda m: _reread(m.group(0), fallback), s)
        s = _LONE.sub("\ufffd", s)
    return _CONTROL.sub("", s)


def _mif(m: re.Match) -> str:
    try:
        return bytes.fromhex(m.group(2)).decode(_MIF_CODEC[m.group(1)])
    except (UnicodeDecodeError, ValueError):
        return "\ufffd"


def _reread(run: str, fallback: str) -> str:
    """Bytes that the file's encoding could not decode (ezdxf keeps them as surrogate
    escapes), read as UTF-8 or as ``fallback``, else U+FFFD."""
    raw = run.encode("utf-8", "surrogateescape")
    for enc in ("utf-8", fallback):
        try:
            text = raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        return text
    return "\ufffd"


def safe(s: str) -> str:
    """``s`` with any lone surrogate replaced, so that it always encodes as UTF-8 (the
    last guard of every report, whatever reader made the plan)."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE.sub("\ufffd", s)
    return s


def safe_strings(rooms, notes, findings):
    """Rooms, notes and reader findings with every string from the drawing cleaned
    (:func:`clean`): room names, ids and dwellings; note and finding texts."""
    def with_(obj, **values):
        return type(obj)(**{**vars(obj), **values})

    def room(r):
        name, rid = clean(r.name), clean(r.id)
        dwelling = None if r.dwelling is None else clean(r.dwelling)
        if (name, rid, dwelling) == (r.name, r.id, r.dwelling):
            return r
        return with_(r, name=name, id=rid, dwelling=dwelling)

    def finding(f):
        message, entity = clean(f.message), None if f.entity is None else clean(f.entity)
        if (message, entity) == (f.message, f.entity):
            return f
        return with_(f, message=message, entity=entity)

    rooms = [room(r) for r in rooms]
    notes = [clean(n) for n in notes]
    findings = [finding(f) for f in findings]
    return rooms, notes, findings
