"""Hook: write a redirect page at the old address of every moved page (redirects.yml), so that
links in course materials never break. See docs/url-policy.md."""

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from publishing.addresses import page_address, redirect_page


def on_post_build(config):
    path = Path(config.config_file_path).parent / "redirects.yml"
    mapping = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    site = Path(config.site_dir)
    for old, new in (mapping or {}).items():
        if not (Path(config.docs_dir) / new).is_file():
            raise PluginError(f"redirects.yml: '{old}' points to '{new}', which is not a page below docs/; fix the target")
        if (Path(config.docs_dir) / old).is_file():
            raise PluginError(f"redirects.yml: '{old}' still exists as a page; remove the redirect or the page")
        target = site / page_address(old).lstrip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(page_address(old), page_address(new)), encoding="utf-8")
