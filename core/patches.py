"""Every place the project replaces, bypasses or re-implements Wagtail's code.

Wagtail offers no supported hook for these: the first five save queries on
every public page; the next three measure uploads after metadata stripping;
the last three let the image block carry a caption.
Each patch names the upstream code it replaces or relies on and the SHA-256 of
that code's source as last reviewed. `apply()` (from CoreConfig.ready) installs
them and logs one line each at start-up; the system check `core.W001` and the
guard test (tests/core/test_patches.py) fail when the upstream source changes,
so a Wagtail upgrade cannot change them silently: read the new upstream code,
adapt the patch, then record the new hash.
"""

import copy
import hashlib
import inspect
import logging
from dataclasses import dataclass

from django.core import checks
from django.db.models import Q
from django.http.request import split_domain_port

from core.serving.content_cache import (
    remember_until_content_changes,
    remember_until_structure_changes,
)
from core.serving.request_memo import is_active, remember

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Patch:
    name: str
    upstream: str  # dotted path of the upstream function replaced or bypassed
    reviewed_sha256: str
    why: str


PATCHES = (
    Patch(
        name="site of a host remembered until the structure changes",
        upstream="wagtail.models.sites.Site.find_for_request",
        reviewed_sha256="4edb710b9fd353a02aade1455f832a6e19afa78e4de80d0feb0d5a161e10aba5",
        why="every request asks for its Site and the Site's home page: two queries",
    ),
    Patch(
        name="locale lookup from the remembered locales",
        upstream="wagtail.models.i18n.LocaleManager.get_for_language",
        reviewed_sha256="18f837c7d750cfe4a7bfa7a903b7d4a039711155ab0bcba15bce4ce51ad0d396",
        why="every `.localized` asks which Locale a language is: one query each",
    ),
    Patch(
        name="view restrictions read once until the structure changes",
        upstream="wagtail.query.PageQuerySet.private_q",
        reviewed_sha256="eb30b1c0017f13c2f7f385972ddefbe70a2c2818d648ce22a709c370ac519368",
        why="every `.public()` reads all view restrictions: one query each",
    ),
    Patch(
        name="a served page's restrictions from the remembered ones",
        upstream="wagtail.models.pages.Page.get_view_restrictions",
        reviewed_sha256="f41021bde7cdda11d832d32e9e28cdb92f197ddac050218ff8c748e65a888c05",
        why="serving a page reads its ancestors and their restrictions: two queries",
    ),
    Patch(
        name="deep pages routed by URL path",
        upstream="wagtail.models.pages.Page.route",
        reviewed_sha256="643c9afcc2deb381296f704fbcfb95e6b200c7d8710bafcc62d3d8c8070b6da3",
        why="Wagtail walks the tree one segment at a time: two queries a level",
    ),
    # Metadata stripping replaces an upload's bytes and then measures the file
    # itself (core.uploads.replace_file_and_measure, core.document_tasks),
    # doing what these private methods do, which it must not call.
    Patch(
        name="image size and hash after stripping",
        upstream="wagtail.images.models.AbstractImage._set_image_file_metadata",
        reviewed_sha256="8d9a44ae27b8a0a9f2f51e9105634acacd63dd0d8ff5456d37560e805befd532",
        why="a stripped image must be measured as Wagtail measures an upload",
    ),
    Patch(
        name="document size and hash after stripping",
        upstream="wagtail.documents.models.AbstractDocument._set_document_file_metadata",
        reviewed_sha256="869f1faedf2354d93fadb70d65263f35096c73f0822ea3d499fbf0f3bf72c9ea",
        why="a stripped PDF must be measured as Wagtail measures an upload",
    ),
    Patch(
        name="file hash of stripped uploads",
        upstream="wagtail.utils.file.hash_filelike",
        reviewed_sha256="b220a16354de4a33caebaba49cda76bc68ff91d20ebf19f65abe119d3e1c83b2",
        why="undocumented helper the stripping code calls for file_hash",
    ),
    # core.blocks.ImageBlock adds a caption to Wagtail's image block by
    # extending these private conversions and building the form from four keys
    # instead of Wagtail's three.
    Patch(
        name="image block value with a caption",
        upstream="wagtail.images.blocks.ImageBlock._struct_value_to_image",
        reviewed_sha256="c3d3a012e3e9ff9047686a1e712658efd3263c68d3bd833f5e530e1ea1653188",
        why="the caption rides on the Image the block returns",
    ),
    Patch(
        name="image block stored with a caption",
        upstream="wagtail.images.blocks.ImageBlock._image_to_struct_value",
        reviewed_sha256="ae41e34a7611cc876a2af3a7d42209f9e0d749f404ed522e2bbfbf33a9a04181",
        why="comparisons and the API read the caption back from the Image",
    ),
    Patch(
        name="image block form with a caption",
        upstream="wagtail.images.blocks.ImageBlock.get_form_context",
        reviewed_sha256="cb126f6f06fccabdbb49397b23d1b218de145c9e6182ea837bab0b21f57c0212",
        why="Wagtail's form context lists only image, alt text and decorative",
    ),
    # core.fulltext queries the search index's own tables (one ranked query,
    # with a bound): it relies on the index entry's columns.
    Patch(
        name="search reads the index tables directly",
        upstream="modelsearch.abstract_models.BaseIndexEntry",
        reviewed_sha256="7be9ea98f0d27fb3918e9d478b04484ac9a0ad941b775f0a6a0e04d28d00fa0d",
        why="the ranked search joins the index entry table and its FTS mirror",
    ),
)


def resolve(dotted):
    """The function at a dotted path such as 'pkg.module.Class.method'."""
    import importlib

    parts = dotted.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            target = getattr(target, attribute)
        return getattr(target, "__wrapped_upstream__", target)
    raise ImportError(dotted)


def source_sha256(function):
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


def changed_upstream():
    """The patches whose upstream source is not the one last reviewed."""
    return [
        patch
        for patch in PATCHES
        if source_sha256(resolve(patch.upstream)) != patch.reviewed_sha256
    ]


@checks.register()
def check_patched_upstream(app_configs, **kwargs):
    return [
        checks.Warning(
            f"Wagtail's {patch.upstream} changed since core.patches was written "
            f"({patch.name}).",
            hint="Read the new upstream code, adapt the patch in core/patches.py, "
            "then record the new source hash there.",
            id="core.W001",
        )
        for patch in changed_upstream()
    ]


def _remembered_find_for_request(upstream):
    def find_for_request(request):
        # Wagtail's Site.find_for_request caches the Site on the request
        # (`request._wagtail_site`); in a public request it is first looked
        # for in the content cache, keyed on what Wagtail matches (host,
        # port), with its home page in its own class, which Wagtail loads
        # next to route the request.
        if request is None or hasattr(request, "_wagtail_site") or not is_active():
            return upstream(request)
        hostname = split_domain_port(request._get_raw_host())[0]
        found = remember_until_structure_changes(
            ("site", hostname, request.get_port()),
            lambda: _site_and_home_page_model(upstream, request),
        )
        if found is not None:
            site, home_model = found
            # The home page is content (a publish changes it): kept apart,
            # loaded in its own class in one query.
            site.root_page = remember_until_content_changes(
                ("home-page", site.root_page_id),
                lambda: home_model.objects.get(pk=site.root_page_id),
            )
            request._wagtail_site = site
        return upstream(request)

    find_for_request.__wrapped_upstream__ = upstream
    return find_for_request


def _site_and_home_page_model(upstream, request):
    site = upstream(request)
    if site is None:
        return None
    home_model = site.root_page.specific_class
    # Pickled without its home page: that is kept under the content generation.
    site = copy.copy(site)
    site._state = copy.copy(site._state)
    site._state.fields_cache = {}
    return site, home_model


def _memoized_get_for_language(upstream):
    def get_for_language(self, language_code):
        if not is_active():
            return upstream(self, language_code)
        return remember(
            ("locale", language_code), lambda: _remembered_locale(self, language_code)
        )

    get_for_language.__wrapped_upstream__ = upstream
    return get_for_language


def _remembered_locale(manager, language_code):
    # Wagtail's get_for_language, answered from the list of every locale
    # (core.i18n.all_locales: one query until the structure changes) instead of a
    # query per language.
    from wagtail.coreutils import get_supported_content_language_variant

    from core.i18n import all_locales

    code = get_supported_content_language_variant(language_code)
    for locale in all_locales():
        if locale.language_code == code:
            return locale
    raise manager.model.DoesNotExist(f"No locale for {code!r}.")


def all_view_restrictions():
    """Every page view restriction, with its page: one query until content
    changes (saving or deleting a restriction moves the generation on)."""
    from wagtail.models import PageViewRestriction

    return remember(
        "page_view_restrictions",
        lambda: remember_until_structure_changes(
            ("view-restrictions",),
            lambda: list(PageViewRestriction.objects.select_related("page")),
        ),
    )


def _memoized_private_q(upstream):
    def private_q(self):
        # Wagtail's PageQuerySet.private_q, with the restrictions remembered.
        q = Q()
        for restriction in all_view_restrictions():
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])

    private_q.__wrapped_upstream__ = upstream
    return private_q


def _remembered_get_view_restrictions(upstream):
    from wagtail.models import PageViewRestriction

    def get_view_restrictions(self):
        # Wagtail checks the page and its ancestors, each alias by its
        # original. When no restriction is on any of those (the usual case),
        # the answer is an empty queryset, known from the remembered
        # restrictions and ancestors without a query; otherwise Wagtail's.
        if not is_active() or not self.pk:
            return upstream(self)
        restricted = {restriction.page_id for restriction in all_view_restrictions()}
        if restricted:
            from core.tree import ancestors

            checked = {page.alias_of_id or page.pk for page in [self, *ancestors(self)]}
            if restricted & checked:
                return upstream(self)
        return PageViewRestriction.objects.none()

    get_view_restrictions.__wrapped_upstream__ = upstream
    return get_view_restrictions


class RouteByUrlPathMixin:
    """For page models: find a page deeper down in two queries, not two a level,
    and none until content changes.

    Relies on Wagtail's Page.route (see PATCHES): Wagtail walks the tree one
    URL segment at a time (a child query and a `.specific` query per level)
    and each page's `route()` may answer for the rest of the path. Every page
    type of this project under the first level routes only its own children,
    so a page is found by its stored full URL path: in a public request the
    page found is kept in the content cache (a publish, move or slug change
    moves the generation on), with its images and document. Anything else
    (sub-routes of routable pages such as the library's feed, unknown paths)
    takes Wagtail's walk.
    """

    def route(self, request, path_components):
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            target = None
            if is_active():
                target = remember_until_content_changes(
                    ("page-at", url_path), lambda: page_at(url_path)
                )
            elif len(path_components) > 1:
                target = page_at(url_path)
            if target is not None:
                if len(path_components) == 1:
                    # As Wagtail's walk does: get_parent() asks nothing.
                    target._cached_parent_obj = self
                return target.route(request, [])
        return super().route(request, path_components)


def page_at(url_path):
    """The page at `url_path` in its own class, with the images and documents
    it links to (its hero or cover, its listing and sharing images, its PDF)
    fetched in the same query; None if there is none. (Not their renditions:
    a rendition made later does not move the generation on, and a kept list
    without it would cost a query per size until it did.)"""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    found = Page.objects.filter(url_path=url_path).first()
    model = found.specific_class if found is not None else None
    if model is None or isinstance(found, model):
        return found.specific if found is not None else None
    media = (get_image_model(), get_document_model())
    related = [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model in media
    ]
    return model._default_manager.select_related(*related).get(pk=found.pk)


def apply():
    """Install the patches and say so in the log, once per process."""
    from wagtail.models import Page, Site
    from wagtail.models.i18n import LocaleManager
    from wagtail.query import PageQuerySet

    if not hasattr(Site.find_for_request, "__wrapped_upstream__"):
        Site.find_for_request = staticmethod(
            _remembered_find_for_request(Site.find_for_request)
        )
    if not hasattr(LocaleManager.get_for_language, "__wrapped_upstream__"):
        LocaleManager.get_for_language = _memoized_get_for_language(
            LocaleManager.get_for_language
        )
    if not hasattr(PageQuerySet.private_q, "__wrapped_upstream__"):
        PageQuerySet.private_q = _memoized_private_q(PageQuerySet.private_q)
    if not hasattr(Page.get_view_restrictions, "__wrapped_upstream__"):
        Page.get_view_restrictions = _remembered_get_view_restrictions(
            Page.get_view_restrictions
        )
    for patch in PATCHES:
        logger.info("core.patches: %s (over %s)", patch.name, patch.upstream)
