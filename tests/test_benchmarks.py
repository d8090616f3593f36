"""`make bench` builds a generated site: it must pass the source check, or the benchmark stops
with a thousand errors instead of measuring (the reading floor once made every summary fail)."""

import sys

from conftest import PROJECT

from sourcing.check import check_site

sys.path.insert(0, str(PROJECT / "benchmarks"))
from large_site import generate


def test_the_generated_site_of_the_benchmark_passes_the_source_check(tmp_path):
    site = tmp_path / "large"
    generate(site, 12, 60)
    report = check_site(site / "docs", site / "bibliography", site)
    assert [str(p) for p in report.problems] == []
    assert len(report.page_reports) == 13  # every generated page and the home page were checked
