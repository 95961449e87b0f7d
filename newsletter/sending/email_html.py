"""Turn an issue's web HTML into email HTML that loads nothing remote, and text.

The body comes from the page's own block templates, so the email reads as the
archive page does. Mail clients fetch whatever the HTML names, and a fetched
image tells its host that (and where) the message was opened, so: scripts,
frames, media, forms and stylesheets are dropped; links become absolute;
images are kept only when the organisation turned them on, and then only
those served from the site's own origin (every other image leaves its alt
text). No tracking pixel or rewritten link is ever added.
"""

from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Dropped with everything inside them.
DROPPED = {
    "script", "style", "iframe", "object", "embed", "video", "audio", "form",
    "noscript", "template", "svg", "canvas", "button", "select", "textarea",
}  # fmt: skip
# Dropped, their content kept.
UNWRAPPED = {"picture", "source", "link", "meta", "input", "label"}
VOID = {"br", "hr", "img", "wbr", "col", "area"}
BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "li", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption",
    "table", "tr", "dl", "dt", "dd", "aside", "br", "hr",
}  # fmt: skip
KEPT_ATTRIBUTES = {"href", "alt", "title", "lang", "dir", "colspan", "rowspan",
                   "scope", "width", "height", "role", "aria-label"}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto"}


class _EmailRewriter(HTMLParser):
    def __init__(self, origin, images):
        super().__init__(convert_charrefs=True)
        self.origin = origin.rstrip("/") + "/"
        self.images = images
        self.html = []
        self.text = []
        self.skip_depth = 0
        self.links = []  # (href, text start) of open <a> elements

    def _absolute(self, url):
        url = urljoin(self.origin, (url or "").strip())
        return url if urlsplit(url).scheme in URL_SCHEMES else None

    def _same_origin(self, url):
        return url is not None and urlsplit(url)[:2] == urlsplit(self.origin)[:2]

    def handle_starttag(self, tag, attrs):
        if self.skip_depth or tag in DROPPED:
            if tag not in VOID:
                self.skip_depth += 1
            return
        if tag in UNWRAPPED:
            return
        attrs = dict(attrs)
        if tag in BLOCKS:
            self.text.append("\n\n" if tag not in ("li", "br") else "\n")
            if tag == "li":
                self.text.append("- ")
        if tag == "img":
            self._image(attrs)
            return
        kept = {k: v for k, v in attrs.items() if k in KEPT_ATTRIBUTES and v}
        if tag == "a":
            href = self._absolute(attrs.get("href"))
            kept.pop("href", None)
            if href:
                kept["href"] = href
            self.links.append((href, len(self.text)))
        rendered = "".join(f' {k}="{escape(v)}"' for k, v in kept.items())
        self.html.append(f"<{tag}{rendered}>")

    def _image(self, attrs):
        alt = (attrs.get("alt") or "").strip()
        src = self._absolute(attrs.get("src"))
        if self.images and self._same_origin(src):
            size = "".join(
                f' {k}="{escape(attrs[k])}"'
                for k in ("width", "height")
                if attrs.get(k)
            )
            self.html.append(
                f'<img src="{escape(src)}" alt="{escape(alt)}"{size} '
                'style="max-width:100%;height:auto">'
            )
        elif alt:
            self.html.append(f"<span>[{escape(alt)}]</span>")
        if alt:
            self.text.append(f"[{alt}]")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and not self.skip_depth and tag not in UNWRAPPED:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth -= 1
            return
        if tag in UNWRAPPED or tag in VOID or tag in DROPPED:
            return
        if tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.text[start:]).strip()
            if href and href != label and not href.startswith("mailto:"):
                self.text.append(f" <{href}>")
        if tag in BLOCKS:
            self.text.append("\n")
        self.html.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skip_depth:
            return
        self.html.append(escape(data, quote=False))
        # Collapse runs of whitespace but keep a space at either end, so
        # "Thank you. <a>Read</a>" does not read "Thank you.Read".
        words = " ".join(data.split())
        start = " " if data[:1].isspace() else ""
        end = " " if data[-1:].isspace() and words else ""
        self.text.append(start + words + end)


def rewrite(html, origin, images=False):
    """(email-safe HTML, plain text) of a rendered page body."""
    parser = _EmailRewriter(origin, images)
    parser.feed(html)
    parser.close()
    text = "".join(parser.text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs, blank = [], False
    for line in lines:
        if line:
            paragraphs.append(line)
            blank = False
        elif not blank and paragraphs:
            paragraphs.append("")
            blank = True
    return "".join(parser.html), "\n".join(paragraphs).strip()
