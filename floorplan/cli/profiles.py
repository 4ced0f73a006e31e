"""``floorplan profiles``: the packaged rule profiles."""

from __future__ import annotations

import json

import click

from floorplan.cli.options import user_errors


@click.command(name="profiles")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text (default) or json.")
@user_errors
def command(fmt):
    """List the rule profiles there are (use one with --profile ID, or give a file)."""
    from floorplan.profiles import DEFAULT, list_profiles

    rows = [{"id": p.id, "title": p.title, "version": p.version, "extends": p.extends,
             "rules": len(p.rules), "default": p.id == DEFAULT, "description": p.description}
            for p in list_profiles()]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        flag = "  (default)" if r["default"] else ""
        ver = f", version {r['version']}" if r["version"] else ""
        click.echo(f"{r['id']:<{width}}  {r['title']}{ver}; {r['rules']} rules{flag}")
