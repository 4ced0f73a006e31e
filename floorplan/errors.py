"""The few exceptions floorplan raises.

Problems *inside* a plan become findings (FP0xx); these exceptions are for input that
cannot be used at all. The command line turns them into one line and exit code 2.
"""

from __future__ import annotations

import re

_BREAKS = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def one_line(text: str) -> str:
    """*text* on one line: line breaks and other control characters that a file put in a
    name become one space, so a message is always a single line on the terminal.

    >>> one_line("feature 1 (Lounge\\n): no geometry")
    'feature 1 (Lounge ): no geometry'
    >>> one_line("a\\r\\n\\tb")
    'a b'
    """
    return _BREAKS.sub(" ", text)


class FloorplanError(Exception):
    """Base class: a problem the user can fix, described in one line (whatever the input
    put into a name quoted in it)."""

    def __str__(self) -> str:
        return one_line(super().__str__())


class PlanReadError(FloorplanError):
    """A plan file that cannot be read.

    The message names the file and, where known, the entity or feature and what is wrong.
    """

    def __init__(self, source: str, problem: str, where: str | None = None):
        self.source = source
        self.problem = problem
        self.where = where
        text = f"{source}: {where}: {problem}" if where else f"{source}: {problem}"
        super().__init__(text)


class ProfileError(FloorplanError):
    """A rule profile that cannot be used (unknown rule, bad option, bad file)."""


class OutputError(FloorplanError):
    """An output that cannot be written (unknown format, unwritable path)."""


class CorrectionsError(FloorplanError):
    """A corrections file that cannot be used: the message names the file, the line and
    the key (``problem`` names the key; ``key`` keeps it for callers)."""

    def __init__(self, file: str, problem: str, line: int | None = None, key: str | None = None):
        self.file = file
        self.problem = problem
        self.line = line
        self.key = key
        where = f": line {line}" if line else ""
        super().__init__(f"{file}{where}: {problem}")
