"""Hook: every link to another site carries rel="noopener" (publishing/outside_links.py), in
pages and in the theme's own templates such as the 404 page."""

import _project

_project.on_path()
from publishing.outside_links import add_noopener


def on_post_page(output, page, config):
    return add_noopener(output, config.site_url or "")


def on_post_template(output_content, template_name, config):
    return add_noopener(output_content, config.site_url or "")
