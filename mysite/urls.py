from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.brand import theme_css
from core.moderation import guard_admin_urls
from core.share import mastodon_share
from core.sitemaps import TranslatedPagesSitemap
from core.views import choose_page_from_site, chosen_pages_below_root, robots_txt
from home.patterns import pattern_library
from home.views import search
from mysite.health import healthz

# Approving, editing and reverting a page or snippet: one request at a time
# per object, and a review that has ended is not acted on again.
guard_admin_urls(wagtailadmin_urls.urlpatterns)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Before Wagtail's own: the page chooser opens at the site, not "Root".
    path("admin/choose-page/", choose_page_from_site),
    # Wagtail's own answers 500 when asked for the tree's Root.
    path("admin/choose-page/chosen-multiple/", chosen_pages_below_root),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": TranslatedPagesSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Bounce and complaint webhooks (basic auth with ANYMAIL WEBHOOK_SECRET).
    path("anymail/", include("anymail.urls")),
    path("share/mastodon/", mastodon_share, name="share_mastodon"),
    path("theme.css", theme_css, name="theme_css"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages in English live at the root, other languages under /fr/, /es/.
urlpatterns += i18n_patterns(
    # Sign-up, confirm and unsubscribe pages speak the reader's language
    # (/fr/newsletter/...), so they sit inside i18n_patterns, before Wagtail's
    # catch-all.
    path("newsletter/", include("newsletter.urls")),
    path("search/", search, name="search"),
    # Only where it is turned on: elsewhere /patterns/ is free for a page.
    *(
        [path("patterns/", pattern_library, name="pattern_library")]
        if settings.PATTERN_LIBRARY
        else []
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
