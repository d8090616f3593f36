"""How soon `mkdocs serve` notices a saved file.

MkDocs watches the site's files by polling them (watchdog's PollingObserver, which also works
in containers and on network drives, where the kernel's change events do not arrive), every
half second. On average a saved edit waits a quarter of a second before its rebuild even
starts. A poll of this site's files takes about a millisecond, so we poll five times as often:
every 0.1 s, or less often on a site so big that one poll takes more than 2 ms, keeping polling
under 2 % of one processor (a 1,000-page site polls about every half second, as MkDocs does).

watchdog offers no public way to change an observer's interval once it is made, and MkDocs
makes its observer before any hook runs, so we set the interval it keeps (`_timeout`) on the
observer and on each of its emitters. tests/test_live_reload.py pins that down for the
versions in requirements.lock.
"""

from __future__ import annotations

import time
from pathlib import Path

from watchdog.utils.dirsnapshot import DirectorySnapshot

FASTEST = 0.1  # seconds between polls, at most this often
SLOWEST = 0.5  # and never less often than MkDocs does itself
SHARE = 0.02  # of one processor, at most, spent polling


def poll_interval(folder: Path) -> float:
    """Seconds between polls of `folder` (the pages' folder, most of what is watched)."""
    start = time.thread_time()  # this thread's own work: a build's threads still at work do not count
    DirectorySnapshot(str(folder))
    cost = time.thread_time() - start
    return min(SLOWEST, max(FASTEST, cost / SHARE))


def poll_every(observer, seconds: float) -> None:
    """Make `observer` (not yet started) poll every `seconds`: the folders it watches already and
    those it is given later."""
    observer._timeout = seconds  # the interval of emitters made from now on
    for emitter in observer.emitters:  # and of those made already
        emitter._timeout = seconds
