"""The few exceptions floorplan raises.

Problems *inside* a plan become findings (FP0xx); these exceptions are for input that
cannot be used at all. The command line turns them into one line and exit code 2.
"""

from __future__ import annotations


class FloorplanError(Exception):
    """Base class: a problem the user can fix, described in one line."""


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
