"""Feed-level texts are plain text.

Pelican copies SITESUBTITLE into the RSS channel <description> and the Atom <subtitle>
as written; many feed readers render those as HTML. Tags are taken out (the title
already is, by Pelican), so markup in a setting or the site identity never reaches a
reader as markup.
"""

from markupsafe import Markup


def plain_feed_texts(context, feed):
    """feed_generated: strip tags from the feed's own title, description, subtitle."""
    for key in ("title", "description", "subtitle"):
        value = feed.feed.get(key)
        if value:
            feed.feed[key] = Markup(str(value)).striptags()
