"""Keeping the site sound between edits: the weekly check of outside links (`make links`) and the
one issue that lists the dead ones. Plain Python; LinkChecker does the checking."""
