"""The files of docs/ as MkDocs finds them, so that the check reads every page the build publishes,
and nothing it does not.

MkDocs walks docs/ following links to folders (`os.walk(docs_dir, followlinks=True)`), leaves out
names that start with '.' and the top-level `templates/` folder, and publishes every other file.
A file that is a link (or stands in a linked folder) is published with the content of its
target, wherever that is: a link that leads outside the project would publish a file from
someone's disk, so the check refuses it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem


@dataclass(frozen=True)
class DocFile:
    path: Path  # as found below docs/ (links not resolved)
    name: str  # below docs/, with '/' (MkDocs' src_uri)
    shown: str  # as problems show it, e.g. docs/myths/x.md


def excluded(name: str) -> bool:
    """MkDocs' default exclusions: any name starting with '.', and the top-level templates/."""
    parts = name.split("/")
    return any(part.startswith(".") for part in parts) or (len(parts) > 1 and parts[0] == "templates")


def docs_files(docs_dir: Path, shown_docs: str, root: Path, exclude=None) -> tuple[list[DocFile], list[Problem]]:
    """Every file MkDocs would publish from `docs_dir`, in MkDocs' order, and a problem for each
    link that leads outside the project `root` (or nowhere); those files are left out. `exclude`:
    the config's exclude_docs patterns (a pathspec), if any."""
    files: list[DocFile] = []
    problems: list[Problem] = []
    if not docs_dir.is_dir():
        return files, problems
    project = root.resolve()
    for folder, folders, names in os.walk(docs_dir, followlinks=True):
        here = Path(folder)
        relative = here.relative_to(docs_dir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        folders.sort()
        for name in list(folders):
            real = (here / name).resolve()
            if (here / name).is_symlink() and here.resolve().is_relative_to(real):
                folders.remove(name)  # MkDocs would walk it until the system gives up
                problems.append(
                    Problem(f"{shown_docs}/{prefix}{name}", 1, f"is a link to a folder that contains it ({real})",
                            "remove the link")
                )
        for name in sorted(names):
            file = DocFile(here / name, prefix + name, f"{shown_docs}/{prefix}{name}")
            if excluded(file.name) or (exclude is not None and exclude.match_file(file.name)):
                continue
            problem = _outside(file, docs_dir, shown_docs, project)
            if problem:
                problems.append(problem)
            else:
                files.append(file)
        folders[:] = [name for name in folders if not excluded(prefix + name)]
    return _without_shadowed_readmes(files), problems


def _outside(file: DocFile, docs_dir: Path, shown_docs: str, project: Path) -> Problem | None:
    """A problem when the file is a link (or in a linked folder) that leads outside the project or
    to nothing."""
    kind = "page" if file.name.endswith(".md") else "file"
    link = _first_link(file, docs_dir)
    if link is None:
        return None
    real = Path(os.path.realpath(file.path))
    through = "" if link == file.path else f", through the linked folder {shown_docs}/{link.relative_to(docs_dir).as_posix()}"
    if not real.exists():
        return Problem(file.shown, 1, f"is a link to a file that does not exist ({real}{through})",
                       f"remove the link, or copy the {kind} into docs/")
    if not real.is_relative_to(project):
        return Problem(file.shown, 1, f"is a link to a file outside the project ({real}{through})",
                       f"copy the {kind} into docs/ instead")
    return None


def _first_link(file: DocFile, docs_dir: Path) -> Path | None:
    """The first part of the file's path below docs/ that is a symbolic link, if any."""
    path = docs_dir
    for part in file.name.split("/"):
        path = path / part
        if path.is_symlink():
            return path
    return None


def _without_shadowed_readmes(files: list[DocFile]) -> list[DocFile]:
    """MkDocs publishes a folder's README.md as its index page, unless the folder has an index.md."""
    names = {file.name for file in files}
    return [
        file for file in files
        if not (file.name.rsplit("/", 1)[-1] == "README.md" and file.name[: -len("README.md")] + "index.md" in names)
    ]
