"""`mkdocs serve` polls for saved files more often than MkDocs's half second
(publishing/live_reload.py, hooks/live_reload.py)."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from mkdocs.livereload import LiveReloadServer

from publishing.live_reload import FASTEST, SLOWEST, poll_interval

ROOT = Path(__file__).resolve().parent.parent


def load_hook():
    spec = importlib.util.spec_from_file_location("live_reload_hook", ROOT / "hooks" / "live_reload.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def intervals(server):
    return sorted(emitter.timeout for emitter in server.observer.emitters)


def test_serve_polls_every_folder_it_watches_a_tenth_of_a_second_apart(tmp_path):
    for name in ("docs", "bibliography", "site"):
        (tmp_path / name).mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    try:
        # what `mkdocs serve` does: its own folders, then the hooks, then mkdocs.yml's `watch:`
        server.watch(str(tmp_path / "docs"))
        server.watch(str(tmp_path / "mkdocs.yml"))
        assert intervals(server) == [0.5, 0.5]  # MkDocs's own interval, which the hook changes
        assert load_hook().on_serve(server, config=SimpleNamespace(docs_dir=str(tmp_path / "docs")), builder=None) is server
        server.watch(str(tmp_path / "bibliography"))
        assert intervals(server) == [FASTEST] * 3
    finally:
        server.server_close()


def test_a_site_too_big_to_poll_often_is_polled_less_often(tmp_path, monkeypatch):
    small = poll_interval(tmp_path)
    assert small == FASTEST
    clock = iter([0.0, 0.004])  # one poll of the pages takes 4 ms
    monkeypatch.setattr("publishing.live_reload.time.thread_time", lambda: next(clock))
    assert poll_interval(tmp_path) == 0.2
    clock = iter([0.0, 1.0])
    monkeypatch.setattr("publishing.live_reload.time.thread_time", lambda: next(clock))
    assert poll_interval(tmp_path) == SLOWEST
