"""Every place the project replaces, bypasses or re-implements Wagtail's code.

Wagtail offers no supported hook for these: the first three save queries on
every public page; the next three measure uploads after metadata stripping;
the last three let the image block carry a caption.
Each patch names the upstream code it replaces or relies on and the SHA-256 of
that code's source as last reviewed. `apply()` (from CoreConfig.ready) installs
them and logs one line each at start-up; the system check `core.W001` and the
guard test (tests/core/test_patches.py) fail when the upstream source changes,
so a Wagtail upgrade cannot change them silently: read the new upstream code,
adapt the patch, then record the new hash.
"""

import hashlib
import inspect
import logging
from dataclasses import dataclass

from django.core import checks
from django.db.models import Q

from core.serving.request_memo import remember

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Patch:
    name: str
    upstream: str  # dotted path of the upstream function replaced or bypassed
    reviewed_sha256: str
    why: str


PATCHES = (
    Patch(
        name="locale lookup once per request",
        upstream="wagtail.models.i18n.LocaleManager.get_for_language",
        reviewed_sha256="18f837c7d750cfe4a7bfa7a903b7d4a039711155ab0bcba15bce4ce51ad0d396",
        why="every `.localized` asks which Locale a language is: one query each",
    ),
    Patch(
        name="view restrictions read once per request",
        upstream="wagtail.query.PageQuerySet.private_q",
        reviewed_sha256="eb30b1c0017f13c2f7f385972ddefbe70a2c2818d648ce22a709c370ac519368",
        why="every `.public()` reads all view restrictions: one query each",
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


def _memoized_get_for_language(upstream):
    def get_for_language(self, language_code):
        return remember(
            ("locale", language_code), lambda: upstream(self, language_code)
        )

    get_for_language.__wrapped_upstream__ = upstream
    return get_for_language


def _memoized_private_q(upstream):
    from wagtail.models import PageViewRestriction

    def private_q(self):
        # Wagtail's PageQuerySet.private_q, with the restrictions read once
        # per request.
        restrictions = remember(
            "page_view_restrictions",
            lambda: list(PageViewRestriction.objects.select_related("page")),
        )
        q = Q()
        for restriction in restrictions:
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])

    private_q.__wrapped_upstream__ = upstream
    return private_q


class RouteByUrlPathMixin:
    """For page models: find a page deeper down in two queries, not two a level.

    Relies on Wagtail's Page.route (see PATCHES): Wagtail walks the tree one
    URL segment at a time (a child query and a `.specific` query per level)
    and each page's `route()` may answer for the rest of the path. Every page
    type of this project under the first level routes only its own children,
    so a deep page is found by its stored full URL path. Anything else
    (sub-routes of routable pages such as the library's feed, unknown paths)
    takes Wagtail's walk.
    """

    def route(self, request, path_components):
        from wagtail.models import Page

        if len(path_components) > 1:
            url_path = self.url_path + "/".join(path_components) + "/"
            target = Page.objects.filter(url_path=url_path).first()
            if target is not None:
                return target.specific.route(request, [])
        return super().route(request, path_components)


def apply():
    """Install the patches and say so in the log, once per process."""
    from wagtail.models.i18n import LocaleManager
    from wagtail.query import PageQuerySet

    if not hasattr(LocaleManager.get_for_language, "__wrapped_upstream__"):
        LocaleManager.get_for_language = _memoized_get_for_language(
            LocaleManager.get_for_language
        )
    if not hasattr(PageQuerySet.private_q, "__wrapped_upstream__"):
        PageQuerySet.private_q = _memoized_private_q(PageQuerySet.private_q)
    for patch in PATCHES:
        logger.info("core.patches: %s (over %s)", patch.name, patch.upstream)
