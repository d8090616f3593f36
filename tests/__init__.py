"""The test suite (a package, so that `tests` here is ours and not a same-named package some
dependency installs: textstat 0.7.8 ships one)."""
