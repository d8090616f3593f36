"""The theme's templates, compiled once and kept: Jinja's own bytecode cache, in a folder below
.cache/.

MkDocs makes a new Jinja environment for every build, `mkdocs serve` rebuilds included, and
Jinja compiles every template it loads into Python code afresh: about 0.3 s of each build of
this site, spent on the same forty-odd templates (Material's and ours) every time. Jinja can
keep what it compiled (a "bytecode cache"); we use its FileSystemBytecodeCache as it is, with
two changes:

- Jinja knows a cached template is stale when the template's text changes. What it compiled
  also depends on Jinja's version and the environment's extensions, so those go into the
  check too (`salt`): a new lock file or another extension compiles every template again.
- A damaged cache file is compiled again, as a missing one is, instead of stopping the build
  with a traceback (Jinja itself catches only some of the ways a file can be broken).
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's bytecode cache in `folder`, checked against `salt` as well as each template's text."""

    def __init__(self, folder: Path, salt: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))
        self.salt = salt

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha1(f"{self.salt}\0{source}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # compiled again, and the file rewritten


def keep_compiled_templates(env: Environment, folder: Path, libraries: str) -> Environment:
    """`env`, keeping its compiled templates in `folder`; `libraries` names the versions of the
    libraries in use (a hash of the lock file)."""
    extensions = ",".join(sorted(env.extensions))
    env.bytecode_cache = TemplateCache(folder, f"{libraries}\0{extensions}")
    return env
