"""docs/cli.md lists every flag every command has, under that command's heading."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from floorplan.cli import COMMANDS, cli

DOC = Path(__file__).parents[1] / "docs" / "cli.md"
#: flags every command has, documented once at the top
COMMON = {"-h", "--help"}


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^## `floorplan (\w+)`\s*$", text, flags=re.M)
    head = parts[0]
    out = {name: body for name, body in zip(parts[1::2], parts[2::2], strict=True)}
    out[""] = head
    return out


def _flags(command: click.Command) -> set[str]:
    flags: set[str] = set()
    for p in command.params:
        if isinstance(p, click.Option):
            flags.update(p.opts)
            flags.update(p.secondary_opts)
    return flags - COMMON


def _documented(text: str) -> set[str]:
    return set(re.findall(r"`(--?[a-z][a-z-]*)", text)) | set(re.findall(r"/ `(--?[a-z-]+)`", text))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_flag_is_documented_under_its_command(name):
    sections = _sections()
    assert name in sections, f"docs/cli.md has no '## `floorplan {name}`' section"
    command = cli.get_command(click.Context(cli), name)
    # the plan options are documented once, in the opening table
    documented = _documented(sections[name]) | _documented(sections[""])
    missing = sorted(_flags(command) - documented)
    assert not missing, f"docs/cli.md does not document {missing} of 'floorplan {name}'"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_flag_is_documented_that_the_command_lacks(name):
    sections = _sections()
    command = cli.get_command(click.Context(cli), name)
    own = _flags(command)
    # a flag in the command's own table must be the command's ("as for check" rows aside)
    table = [ln for ln in sections[name].splitlines() if ln.startswith("| `-")]
    claimed = set()
    for ln in table:
        claimed |= set(re.findall(r"`(--?[a-z][a-z-]*)", ln.split("|")[1]))
    assert claimed <= own, f"docs/cli.md lists {sorted(claimed - own)} for 'floorplan {name}'"
