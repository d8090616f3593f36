"""The link-rot watch: `make links` checks every outside address with LinkChecker, and the weekly
workflow keeps ONE issue listing the dead ones. Tested against a server on 127.0.0.1 only."""

import http.server
import json
import os
import subprocess
import sys
import threading

import pytest
from conftest import FIXTURES, PROJECT, write_site

from upkeep.link_issue import update_issue
from upkeep.links import collect, markdown, page_links


class Handler(http.server.BaseHTTPRequestHandler):
    """A live page, a 404, a permanent redirect to the live page, and a site that refuses robots."""

    def do_GET(self):
        if self.path == "/live":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>Live</title><p>Here.</p>")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/live")
            self.end_headers()
        elif self.path == "/blocked":
            self.send_response(403)
            self.end_headers()
        else:  # /gone, /robots.txt
            self.send_response(404)
            self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def site_linking_to(root, base):
    """The fixture site: its report at /live with an archived copy that is gone, its outline
    moved, its video blocked, its encyclopedia live too; the home page links to /gone and (in code, not a link) to /nothing."""
    bib = (FIXTURES / "sources.bib").read_text(encoding="utf-8")
    bib = bib.replace("https://example.org/report_one?id=1&part=2", f"{base}/live", 1)
    bib = bib.replace("  urldate = {2026-11-22},\n", f"  urldate = {{2026-11-22}},\n  archived = {{{base}/gone}},\n", 1)
    bib = bib.replace("https://example.org/outline", f"{base}/moved", 1)
    assert bib.count(base) == 3
    bib = bib.replace("https://example.org/video", f"{base}/blocked", 1)
    bib = bib.replace("https://example.org/encyclopedia", f"{base}/live", 1)
    assert "example.org/" not in bib.replace("example.org/report_one", "")  # never an address off this machine
    home = f"# Home\n\nA fact [@doe2020example]; see [the other page]({base}/gone).\n\n`{base}/nothing`\n"
    return write_site(root, {"index.md": home}, bib=bib)


def test_make_links_names_each_dead_address_by_key_and_page(tmp_path, server):
    site = site_linking_to(tmp_path / "site", server)
    report = tmp_path / "report.md"
    run = subprocess.run(
        ["make", "--no-print-directory", "-s", "-C", str(PROJECT), "links", f"LINKS_ARGS=--root {site} --report {report}"],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode != 0, run.stdout + run.stderr  # a dead link fails the run
    assert run.stdout.splitlines() == [
        f"dead: {server}/gone (404 Not Found): used by doe2020example (archived, bibliography/sources.bib:10); docs/index.md:6",
        f"refused: {server}/blocked (403 Forbidden): used by viral2018video (url, bibliography/sources.bib:32)",
        f"moved: {server}/moved -> {server}/live: used by council2014outline (url, bibliography/sources.bib:21)",
    ]
    assert "4 addresses checked: 1 dead, 1 refused, 1 redirected" in run.stderr
    body = report.read_text(encoding="utf-8")
    assert body.startswith("<!-- link-rot: 1 dead -->\n")
    assert f"| {server}/gone | 404 Not Found | `doe2020example` (archived, bibliography/sources.bib:10) | docs/index.md:6 |" in body
    assert f"| {server}/live |" not in body  # the live page is not listed


def test_a_site_whose_links_all_work_passes(tmp_path, server):
    site = write_site(tmp_path / "site", {"index.md": f"# Home\n\nA fact [@doe2020example], [live]({server}/live).\n"},
                      bib="")
    (site / "bibliography" / "sources.bib").write_text((FIXTURES / "sources.bib").read_text().split("@online")[0]
                                                       .replace("https://example.org/report_one?id=1&part=2", f"{server}/live"))
    run = subprocess.run([sys.executable, "-m", "upkeep.links", "--root", str(site)], capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout) == (0, ""), run.stderr
    assert "1 addresses checked: 0 dead, 0 refused, 0 redirected" in run.stderr


def test_page_links_skip_code_and_trailing_punctuation():
    text = "See https://a.example/x. And [b](https://b.example/y).\n```\nhttps://code.example/\n```\n`https://span.example/`\n"
    assert page_links(text) == [(1, "https://a.example/x"), (1, "https://b.example/y")]


def test_the_real_site_has_addresses_to_check():
    addresses = collect(PROJECT)
    assert len(addresses) > 300
    assert all(address.startswith(("http://", "https://")) for address in addresses)


FAKE_GH = """#!{python}
import json, sys
with open({log!r}, "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if sys.argv[1:3] == ["issue", "list"]:
    print({listed!r})
"""


def fake_gh(folder, listed):
    """A stand-in for the GitHub CLI: logs each call, and lists `listed` as the open issues."""
    folder.mkdir()
    log = folder / "gh.log"
    gh = folder / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable, log=str(log), listed=json.dumps(listed)))
    gh.chmod(0o755)
    return str(gh), log


def calls(log):
    return [json.loads(line)[:3] for line in log.read_text().splitlines()] if log.exists() else []


def test_dead_links_open_one_issue_then_update_it_then_close_it(tmp_path):
    from upkeep.links import Report, Result, Use

    dead = Report([Result("https://x.example/", [Use("docs/a.md", 3)], "404 Not Found", False)], checked=1)
    report = markdown(dead)
    gh, log = fake_gh(tmp_path / "none", [])
    assert update_issue(report, gh) == "created"
    assert calls(log) == [["issue", "list", "--state"], ["label", "create", "link-rot"], ["issue", "create", "--title"]]

    gh, log = fake_gh(tmp_path / "one", [{"number": 7}, {"number": 4}])
    assert update_issue(report, gh) == "updated #4"  # the oldest open one: never a second issue
    assert calls(log) == [["issue", "list", "--state"], ["issue", "edit", "4"]]

    gh, log = fake_gh(tmp_path / "clean", [{"number": 4}])
    assert update_issue(markdown(Report(checked=1)), gh) == "closed #4"
    assert calls(log) == [["issue", "list", "--state"], ["issue", "close", "4"]]
    gh, log = fake_gh(tmp_path / "quiet", [])
    assert update_issue(markdown(Report(checked=1)), gh) == "nothing to do"


def test_linkchecker_is_the_locked_one():
    version = subprocess.run([os.path.join(os.path.dirname(sys.executable), "linkchecker"), "--version"],
                             capture_output=True, text=True)
    assert "LinkChecker 10.6.0" in version.stdout + version.stderr
