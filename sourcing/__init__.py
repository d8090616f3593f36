"""The source check: every factual page of the site cites a secondary source.

Plain Python with no MkDocs import, shared by the command line (`python -m sourcing`),
the MkDocs hook in `hooks/` and the tests.
"""
