"""Myth pages: the claim, its verdict and where it appeared, all in the page's front matter.

A page is a myth page when its front matter has any of MYTH_FIELDS; then it needs all of them.
The build draws the verdict badge, the myths table and the ClaimReview metadata from these
fields (see `publishing/`), so a mistake here would show on the page: the check stops it first.
"""

from __future__ import annotations

from .bibliography import Bibliography
from .datafile import kind_of
from .markdown import line_of_key
from .problems import Problem

VERDICTS = ("False", "Misleading", "Partly true", "True")
MYTH_FIELDS = ("claim", "verdict", "verdict_summary", "claim_appearance", "direction")
# Which way a myth misleads: it makes the system look worse than it is, or better.
DIRECTIONS = ("overstates", "understates")


def is_myth_page(meta: dict) -> bool:
    return any(name in meta for name in MYTH_FIELDS)


def check_myth_fields(meta: dict, text: str, path: str, bibliography: Bibliography) -> list[Problem]:
    problems = []

    def report(name: str, what: str, fix: str) -> None:
        problems.append(Problem(path, line_of_key(text, name), what, fix))

    for name, fix in (
        ("claim", 'claim: "<the claim as commonly stated, in one sentence>"'),
        ("verdict_summary", 'verdict_summary: "<the verdict explained in one sentence>"'),
    ):
        value = meta.get(name)
        if value is not None and not isinstance(value, str):
            report(name, f"'{name}' is {kind_of(value)}, not text", f"write {fix}, in quotes")
        elif not isinstance(value, str) or not value.strip():
            report(name, f"myth page without '{name}'", f"add {fix} to its front matter")
    verdict = meta.get("verdict")
    if isinstance(verdict, bool):
        report(
            "verdict",
            f"verdict {verdict} is read as a yes/no value, not as a verdict",
            f'put it in quotes: verdict: "{verdict}"',
        )
    elif verdict is not None and not isinstance(verdict, str):
        report("verdict", f"verdict is {kind_of(verdict)}, not a verdict", f"write verdict: one of {', '.join(VERDICTS)}")
    elif verdict not in VERDICTS:
        shown = "no verdict" if verdict is None else f"verdict '{verdict}' is not one we use"
        report("verdict", shown, f"write verdict: one of {', '.join(VERDICTS)}")
    direction = meta.get("direction")
    fix = "write direction: overstates (the claim makes the system look worse than it is) or understates (better)"
    if direction is not None and not isinstance(direction, str):
        report("direction", f"direction is {kind_of(direction)}, not a direction", fix)
    elif direction not in DIRECTIONS:
        shown = "myth page without 'direction'" if direction is None else f"direction '{direction}' is not one we use"
        report("direction", shown, fix)
    appearance = meta.get("claim_appearance")
    fix = "give the key of the source (usually an exhibit) where the claim appeared"
    if isinstance(appearance, list):
        first = next((key for key in appearance if isinstance(key, str)), "key")
        report("claim_appearance", "claim_appearance is a list, not one bibliography key",
               f"give the key of the one source (usually an exhibit) where the claim appeared: claim_appearance: {first}")
    elif appearance is not None and not isinstance(appearance, str):
        report("claim_appearance", f"claim_appearance is {kind_of(appearance)}, not a bibliography key", fix)
    elif appearance not in bibliography.entries:
        report("claim_appearance", f"claim_appearance '{appearance}' is not a bibliography key", fix)
    return problems
