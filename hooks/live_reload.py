"""Hook: `mkdocs serve` looks for saved files every tenth of a second, not every half second
(publishing/live_reload.py). It changes no build, so `make bench` keeps it in the plain build
it compares ours with."""

from pathlib import Path

from publishing.live_reload import poll_every, poll_interval


def on_serve(server, config, builder):
    poll_every(server.observer, poll_interval(Path(config.docs_dir)))
    return server
