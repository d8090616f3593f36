"""The project's own workflow: GitHub Actions workflows, issue forms and the pre-commit hooks are
checked here, with the locked tools, as they would be on GitHub."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT

from publishing.page_actions import ERROR_FORM, report_error_url

BIN = Path(sys.executable).parent
WORKFLOWS = PROJECT / ".github" / "workflows"
FORMS = PROJECT / ".github" / "ISSUE_TEMPLATE"
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", re.MULTILINE)


def run(*command, cwd=PROJECT):
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def workflow(name):
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(job):
    return [step.get("run", "") or step.get("uses", "") for step in job["steps"]]


def test_workflows_pass_actionlint():
    code, output = run(BIN / "actionlint", *sorted(WORKFLOWS.glob("*.yml")))
    assert code == 0, output


def test_workflows_pass_zizmor():
    code, output = run(BIN / "zizmor", "--offline", WORKFLOWS)
    assert code == 0, output


def test_workflows_match_githubs_schema():
    code, output = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *sorted(WORKFLOWS.glob("*.yml")))
    assert code == 0, output


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml", "links.yml"])
def test_every_action_is_pinned_to_a_full_commit_with_its_version_noted(name):
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    uses = USES.findall(text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{name}: {action} is not pinned to a commit"
        assert re.fullmatch(r"\s*# v[0-9]+\.[0-9]+\.[0-9]+", comment), f"{name}: {action} has no '# vX.Y.Z' comment"


def test_pull_requests_run_make_check_then_make_test_and_upload_the_site():
    flow = workflow("pull-request.yml")
    assert list(flow[True]) == ["pull_request"]  # `on:` reads as True in YAML 1.1
    assert flow["permissions"] == {"contents": "read"}
    job = flow["jobs"]["check-and-test"]
    order = steps(job)
    assert order.index("make check") < order.index("make test")
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    cached = [s["with"]["path"] for s in job["steps"] if s.get("uses", "").startswith("actions/cache@")]
    assert cached == [".venv", "node_modules", ".cache"]
    assert "make properdocs" in steps(flow["jobs"]["properdocs"])


def test_main_is_published_to_pages_with_the_real_addresses_and_least_permissions():
    flow = workflow("publish.yml")
    assert flow[True]["push"] == {"branches": ["main"]}
    # rebuilt weekly too: "reviewed N months ago" is worked out at build time
    assert [s["cron"].endswith("* * 1") for s in flow[True]["schedule"]] == [True]
    assert flow["permissions"] == {}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    publish = next(s for s in build["steps"] if s.get("run") == "make publish")
    assert publish["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"
    assert publish["env"]["REPO_URL"].startswith("${{ vars.REPO_URL ||")
    actions = [s.get("uses", "").split("@")[0] for s in build["steps"] + deploy["steps"]]
    assert [a for a in actions if "pages" in a] == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]


def test_the_link_check_runs_weekly_and_keeps_one_issue():
    flow = workflow("links.yml")
    assert len(flow[True]["schedule"]) == 1 and flow[True]["schedule"][0]["cron"].endswith("* * 1")
    job = flow["jobs"]["links"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    order = steps(job)
    assert any(s.startswith("make links") for s in order)
    assert ".venv/bin/python -m upkeep.link_issue link-report.md" in order


def test_issue_forms_match_githubs_schema():
    forms = sorted(p for p in FORMS.glob("*.yml") if p.name != "config.yml")
    assert [p.name for p in forms] == ["report-an-error.yml", "suggest-a-source.yml", "suggest-a-topic.yml"]
    code, output = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", *forms)
    assert code == 0, output
    code, output = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-issue-config", FORMS / "config.yml")
    assert code == 0, output


def test_report_an_error_has_the_fields_the_site_fills_in():
    form = yaml.safe_load((FORMS / ERROR_FORM).read_text(encoding="utf-8"))
    ids = [field.get("id") for field in form["body"]]
    assert {"page", "claim", "evidence"} <= set(ids)
    url = report_error_url("https://github.com/o/r", "https://site.example/x/", "X")
    assert "template=report-an-error.yml" in url and "page=https%3A%2F%2Fsite.example%2Fx%2F" in url


def test_the_pull_request_template_carries_the_sourcing_checklist():
    text = (PROJECT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for point in ("seen and read", "`sourcetype`", "`venue`", "`make check` is clean", "`reviewed:`"):
        assert point in text


def test_pre_commit_hooks_are_local_and_use_locked_tools():
    config = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing fetched at run time
    for hook in config["repos"][0]["hooks"]:
        assert hook["entry"].startswith((".venv/bin/", "make ")), hook["id"]
        tool = hook["entry"].split()[0]
        assert tool == "make" or (PROJECT / tool).exists(), f"{tool} is not installed from the lock"


def test_pre_commit_runs_clean_on_the_repository():
    code, output = run(BIN / "pre-commit", "run", "--all-files")
    assert code == 0, output


def test_codespell_knows_the_projects_words(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("The bike-sharing firm ofo; bu and fo in pinyin; an nd key; a re-used quote.\n")
    code, output = run(BIN / "codespell", "--toml", PROJECT / "pyproject.toml", page, cwd=PROJECT)
    assert code == 0, output
    page.write_text("T" + "eh list.\n")  # written in two parts, so that codespell passes this file
    assert run(BIN / "codespell", "--toml", PROJECT / "pyproject.toml", page, cwd=PROJECT)[0] != 0
