"""``floorplan rules [--profile ID|PATH] [--format text|json]``: the rules of a profile."""

from __future__ import annotations

import json

import click

from floorplan.cli.options import profile_option, user_errors


def catalogue(profile) -> dict:
    """The profile's rules with their options, severity and reference (JSON-ready)."""
    from floorplan.rules import REGISTRY

    rules = []
    for code, rc in profile.rules.items():
        r = REGISTRY[code]
        rules.append({
            "code": code, "name": r.name, "family": r.family, "summary": r.summary,
            "severity": rc.severity, "reference": profile.reference(code),
            "options": {k: v for k, v in rc.options.items() if v is not None},
        })
    return {"profile": {"id": profile.id, "title": profile.title, "version": profile.version,
                        "source": profile.source},
            "rules": rules}


def _value(v) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return f"{v:g}" if isinstance(v, float) else str(v)


@click.command(name="rules")
@profile_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text (default) or json.")
@user_errors
def command(profile, fmt):
    """List the rules of a profile (default ecc-supported-living): code, name, what each
    checks, its options and the clause it cites."""
    from floorplan.profiles import load_profile

    data = catalogue(load_profile(profile))
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    p = data["profile"]
    click.echo(f"{p['title']} ({p['id']}{', version ' + p['version'] if p['version'] else ''})")
    for r in data["rules"]:
        sev = "" if r["severity"] == "error" else f"  [{r['severity']}]"
        click.echo(f"\n{r['code']}  {r['name']}{sev}")
        click.echo(f"    {r['summary']}")
        if r["options"]:
            click.echo("    " + "; ".join(f"{k} = {_value(v)}" for k, v in r["options"].items()))
        if r["reference"]:
            click.echo(f"    ({r['reference']})")
