"""The sitemap: every live public page of the site, in every language."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap


class TranslatedPagesSitemap(Sitemap):
    """Wagtail's sitemap, widened from the default-language tree to all of them."""

    def items(self):
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_trees = Q()
        for path in roots.values_list("path", flat=True):
            in_trees |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
