"""A function of this project run in a Python process of its own, beside the caller.

The build has slow work that needs nothing from the rest of it: measuring reading ease (its
dictionary takes a second to load) and drawing charts (matplotlib). On a machine with two cores
that work is done in a second process while the first goes on.

Why not multiprocessing: its "spawn" start re-imports the caller's main script in the child, so a
script that builds the site without an `if __name__ == "__main__":` guard would build it again
there; "fork" copies a process that may be running threads (mkdocs serve). Here the child is a
plain `python -m sourcing.apart`, given the function's name and arguments (pickled, between two
processes of this project only) on its standard input, and writing the result on its standard output.
"""

from __future__ import annotations

import importlib
import pickle
import subprocess
import sys
import threading


class ApartError(Exception):
    """The other process failed (its message follows)."""


class Apart:
    def __init__(self, function, *args):
        payload = pickle.dumps((function.__module__, function.__qualname__, args), protocol=pickle.HIGHEST_PROTOCOL)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "sourcing.apart"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._output: tuple[bytes, bytes] | None = None
        self._talk = threading.Thread(target=self._communicate, args=(payload,), daemon=True)  # a large input must not block the caller
        self._talk.start()

    def _communicate(self, payload: bytes) -> None:
        self._output = self._process.communicate(payload)

    def result(self):
        """What the function returned, once it has (ApartError if the process failed)."""
        self._talk.join()
        out, err = self._output or (b"", b"")
        if self._process.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            raise ApartError(lines[-1] if lines else f"exit status {self._process.returncode}")
        return pickle.loads(out)


def main() -> int:
    module, name, args = pickle.load(sys.stdin.buffer)
    function = importlib.import_module(module)
    for part in name.split("."):
        function = getattr(function, part)
    result = function(*args)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main())
