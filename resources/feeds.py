"""The library's Atom feed: the newest resources, for any set of filters."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext as _

from resources.library import Library


class ResourceFeed(Feed):
    """An Atom feed of the newest resources matching the request's filters."""

    feed_type = Atom1Feed

    def get_object(self, request, index):
        # One feed object serves one request, so it can keep the request for
        # URLs (the site's root paths are then looked up once).
        self.request = request
        library = Library(index, request.GET)
        library.request = request
        return library

    def title(self, library):
        labels = []
        for name in ("type", "topic", "place", "year"):
            if name in library.filters:
                field = library.form[name].field
                labels.append(str(dict(field.choices).get(str(library.filters[name]))))
        if "q" in library.filters:
            labels.append(f"“{library.filters['q']}”")
        title = library.index.title
        return f"{title}: {', '.join(labels)}" if labels else title

    def subtitle(self, library):
        return library.index.intro or _("The newest reports and papers.")

    def link(self, library):
        query = library.query_string()
        url = library.index.get_full_url(library.request)
        return f"{url}?{query}" if query else url

    def feed_url(self, library):
        # RFC 4287's self link is the address the feed was fetched from,
        # query string included (the W3C validator checks it).
        return library.request.build_absolute_uri()

    def feed_guid(self, library):
        # One id per language and filter set: the Spanish library's feed is
        # not the English one.
        return self.feed_url(library)

    def author_name(self, library):
        # RFC 4287 section 4.1.1: a feed needs an author; the organisation
        # writes every paper.
        from core.models import SiteSettings

        return SiteSettings.for_request(library.request).organisation_name or (
            library.index.get_site().site_name
        )

    def author_link(self, library):
        return library.index.get_site().root_url + "/"

    def item_enclosures(self, item):
        """The PDF to download, with its size and type (RSS/Atom enclosure)."""
        if not item.document_id or not item.document.file_size:
            return []
        return [
            Enclosure(
                self.request.build_absolute_uri(item.document.url),
                str(item.document.file_size),
                "application/pdf",
            )
        ]

    def items(self, library):
        items = library.latest(library.index.feed_length)
        # The topics of the entries, in one query for all (the library's
        # cards do not show them, so it does not read them). The PDFs of the
        # enclosures came with the entries (Library.latest).
        prefetch_related_objects(items, "tags")
        return items

    def item_title(self, item):
        return item.get_listing_title()

    def item_description(self, item):
        return item.get_listing_summary()

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.publication_date, datetime.time())
        )

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
