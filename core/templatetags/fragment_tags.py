"""`{% kept_until_content_changes "name" key… %}…{% endkept %}`: a part of a
page rendered once and kept until published content next changes.

A campaign's body is most of its render: its blocks are decoded (images,
pages, papers and key numbers looked up) and rendered on every request the
page cache does not answer (a reader with a session, another host, an entry
evicted). What they show changes only when something is published or a
snippet, image or setting is saved, exactly when the content generation
moves on (core.serving.content_cache), so the HTML is kept under it, as
bakerydemo keeps its blog list with `{% wagtailcache %}`. Unlike that tag,
it follows every content change, not only the page's own, and a Redis
outage makes it render rather than fail.

Never kept: in a preview (the draft is not what is published), in the admin
or outside a public request (request_memo.is_active). The key has the
language, scheme and host as well as the names given: the same page under
the onion host links to the onion host.
"""

from django import template
from django.utils.translation import get_language

from core.serving.content_cache import remember_until_content_changes
from core.serving.request_memo import is_active

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, names):
        self.nodelist = nodelist
        self.names = names

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or not is_active():
            return self.nodelist.render(context)
        key = (
            "fragment",
            *(name.resolve(context) for name in self.names),
            get_language(),
            request.scheme,
            request.get_host(),
        )
        return remember_until_content_changes(
            key, lambda: self.nodelist.render(context)
        )


@register.tag("kept_until_content_changes")
def kept_until_content_changes(parser, token):
    names = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not names:
        raise template.TemplateSyntaxError(
            "kept_until_content_changes needs a name for what it keeps"
        )
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, names)
