"""``clean_text``'s fast path for plain ASCII gives what its full path gives.

The reference is the full path as written (surrogates, spacing and control characters,
NFC, runs of spaces, the limit), applied to every text; the fast path must agree on all.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from floorplan.io.limits import clean_text

_SPACING = re.compile(r"[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def reference(value, limit=200):
    text = str(value)
    if any("\ud800" <= c <= "\udfff" for c in text):
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    text = _CONTROL.sub("", _SPACING.sub(" ", text))
    text = unicodedata.normalize("NFC", text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


ascii_text = st.text(st.characters(max_codepoint=0x7f), max_size=40)
any_text = st.text(st.sampled_from(list("ab 1/\t\n\r\x1b\x7f\x1f\u00e9e\u0301\u2028\u202e\ud800")), max_size=20)


@settings(max_examples=500, deadline=None)
@given(ascii_text | any_text, st.sampled_from([3, 8, 200]))
def test_same_as_the_full_path(text, limit):
    assert clean_text(text, limit) == reference(text, limit)


def test_examples():
    assert clean_text("  Bed   2 ") == "Bed 2"
    assert clean_text("Bed\t2\x1b") == "Bed 2"
    assert clean_text("Kitchen/Living/Dining", 8) == "Kitchen…"
    assert clean_text("Ve\u0301randa") == "V\u00e9randa"  # NFC still applied off the fast path
