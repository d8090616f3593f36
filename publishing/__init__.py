"""What the build adds to pages from their front matter: verdict badges, the myths table and
schema.org ClaimReview metadata. Plain Python with no MkDocs import; `hooks/myth_pages.py` is the
thin adapter.
"""
