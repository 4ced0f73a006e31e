"""The benchmark's table rows and its verdict on each goal of issue 15.

A verdict is withheld, not guessed, when any case it rests on ran while the machine's
load average was above ``--max-load``: a busy machine slows the two sides of a pair
unevenly (caches, shared cores), even in CPU time.
"""

from __future__ import annotations

from cases import GOAL_MEMORY_MB, GOAL_STARTUP_S, MEMORY_GOAL_ROOMS, Case

HEAD = (f"{'case':<14}{'plan':<38}{'rooms':>6}{'A cpu min/med s':>17}{'B cpu min/med s':>17}"
        f"{'A wall med':>11}{'A/B cpu':>9}{'goal':>6}{'A MB':>6}{'load':>6}")


def _s(v: float) -> str:
    return f"{v:.3f}" if v < 10 else f"{v:.1f}"


def row(case: Case, res: dict, max_load: float) -> str:
    """One line of the table: A's and B's CPU time (min/median), A's wall time, the ratio."""
    name = case.name if len(case.name) <= 37 else case.name[:34] + "..."
    rooms = "" if res.get("rooms") is None else str(res["rooms"])
    load = f"{res['load']:.1f}" + ("!" if res["load"] > max_load else "")
    if res.get("error"):
        said = "no floor plan (exit 2)" if refused(res) else "failed"
        return f"{case.kind:<14}{name:<38}{rooms:>6}  {said}: {res['error']}"
    a, b = res["a"], res["b"]
    goal = "" if case.goal is None else f"{case.goal:g}"
    return (f"{case.kind:<14}{name:<38}{rooms:>6}"
            f"{_s(a['cpu']['min']) + '/' + _s(a['cpu']['median']):>17}"
            f"{_s(b['cpu']['min']) + '/' + _s(b['cpu']['median']):>17}"
            f"{_s(a['wall']['median']):>11}{res['ratio']:>9.2f}{goal:>6}{a['peak_mb']:>6.0f}{load:>6}")


#: what floorplan says when it reads a drawing as no floor plan (an elevation, a site
#: plan), or finds no room in it at all: an answer, exit code 2 by design, with nothing
#: to time against the floor
REFUSED = ("no floor plan found", "no rooms found")


def refused(res: dict) -> bool:
    """Whether a case ended because floorplan read the drawing as no floor plan."""
    error = res.get("error") or ""
    return any(said in error for said in REFUSED)


def _ratio_goal(results: list[tuple[Case, dict]], kind: str, goal: float, words: str,
                max_load: float) -> tuple[str, str]:
    done = [(c, r) for c, r in results if c.kind == kind and not r.get("error")]
    failed = [c.name for c, r in results if c.kind == kind and r.get("error") and not refused(r)]
    none = [c.name for c, r in results if c.kind == kind and refused(r)]
    if not done:
        return f"{words}: not run", "n/a"
    worst_c, worst = max(done, key=lambda cr: cr[1]["ratio"])
    load = max(r["load"] for _, r in done)
    text = (f"{words} <= {goal:g} x (worst {worst['ratio']:.2f} x, {worst_c.name}; "
            f"{len(done)} cases" + (f", {len(failed)} failed: {', '.join(failed)}" if failed else "")
            + (f"; {len(none)} read as no floor plan, not timed: {', '.join(none)}" if none else "") + ")")
    return text, _verdict(worst["ratio"] <= goal and not failed, load, max_load)


def _verdict(ok: bool, load: float, max_load: float) -> str:
    if load > max_load:
        return f"withheld: machine too loaded (load average {load:.1f} > {max_load:g})"
    return "met" if ok else "NOT MET"


def goals(results: list[tuple[Case, dict]], max_load: float) -> list[tuple[str, str]]:
    """(what the goal is and the figure, the verdict) for every goal of issue 15."""
    out = [
        _ratio_goal(results, "dxf", 1.5, "full check without image / bare ezdxf read", max_load),
        _ratio_goal(results, "dxf+image", 2.5, "check with image / bare ezdxf read", max_load),
        _ratio_goal(results, "geojson+image", 3.0,
                    "GeoJSON check with image / json.load + from_geojson", max_load),
        _ratio_goal(results, "geojson-read", 1.5, "GeoJSON read / json.load + shape()", max_load),
        _ratio_goal(results, "growth", 4.2, "4 x the rooms, time", max_load),
    ]
    big = [(c, r) for c, r in results if c.image and c.rooms == MEMORY_GOAL_ROOMS and not r.get("error")]
    if big:
        peak = max(r["a"]["peak_mb"] for _, r in big)
        # memory is not skewed by other work: no load test
        out.append((f"a {MEMORY_GOAL_ROOMS}-room plan with image < {GOAL_MEMORY_MB:g} MB "
                    f"(peak {peak:.0f} MB)", "met" if peak < GOAL_MEMORY_MB else "NOT MET"))
    else:
        out.append((f"a {MEMORY_GOAL_ROOMS}-room plan with image < {GOAL_MEMORY_MB:g} MB: "
                    f"not run (needs --sizes up to {MEMORY_GOAL_ROOMS} and images)", "n/a"))
    start = [(c, r) for c, r in results if c.kind == "startup" and not r.get("error")]
    if start:
        slow = max(r["a"]["cpu"]["median"] for _, r in start)
        load = max(r["load"] for _, r in start)
        out.append((f"start-up < {GOAL_STARTUP_S:g} s CPU (slowest median {slow:.3f} s, "
                    f"{', '.join(c.name for c, _ in start)})", _verdict(slow < GOAL_STARTUP_S, load, max_load)))
    return out


__all__ = ["HEAD", "REFUSED", "goals", "refused", "row"]
