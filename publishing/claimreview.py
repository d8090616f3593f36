"""schema.org ClaimReview metadata for a myth page, so that search engines and fact-check
aggregators can read the verdict (https://schema.org/ClaimReview)."""

from __future__ import annotations

import json

# The verdict on a scale of 1 (False) to 4 (True), named in alternateName.
RATING = {"False": 1, "Misleading": 2, "Partly true": 3, "True": 4}


def claim_review(
    meta: dict,
    appearance: dict,
    publisher: str,
    page_url: str | None = None,
    publisher_url: str | None = None,
) -> dict:
    """The ClaimReview for a myth page's front matter.

    `appearance` is the bibliography entry where the claim appeared, as a dict of its fields.
    """
    organisation = {"@type": "Organization", "name": publisher}
    if publisher_url:
        organisation["url"] = publisher_url
    work = {"@type": "CreativeWork", "name": appearance.get("title")}
    if appearance.get("url"):
        work["url"] = appearance["url"]
    if appearance.get("date"):
        work["datePublished"] = appearance["date"]
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": meta["claim"],
        "datePublished": str(meta["reviewed"]),
        "author": organisation,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING[meta["verdict"]],
            "bestRating": max(RATING.values()),
            "worstRating": min(RATING.values()),
            "alternateName": meta["verdict"],
            "ratingExplanation": meta["verdict_summary"],
        },
        "itemReviewed": {"@type": "Claim", "appearance": [work]},
    }
    if page_url:
        review["url"] = page_url
    return review


def json_ld(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> element: nothing in it can close the tag."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
