"""HTTP headers that keep readers private and let a CDN cache public pages.

Three middleware classes, listed in `MIDDLEWARE` (see settings/base.py):

- `ContentSecurityPolicyMiddleware`: django-csp's middleware with a second,
  looser policy for the Wagtail admin (its scripts and styles are inline).
- `SecurityHeadersMiddleware`: the headers Django's SecurityMiddleware does not
  set (Permissions-Policy, Cross-Origin-Resource-Policy).
- `PublicCacheMiddleware`: marks anonymous, cookie-free page responses
  `Cache-Control: public` so that a CDN and the page cache may keep them.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.cache import patch_cache_control

from core.serving.onion import is_onion_request
from core.serving.paths import is_admin_path, is_preview_path


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict site policy on public pages; the admin policy under /admin/.

    Previews (a page or a block, rendered by the admin and shown in its
    iframe) may be framed by the site itself, and by nothing else.
    """

    def process_response(self, request, response):
        # Wagtail renders a preview by running a dummy request for the page's
        # public URL through the middleware; the admin's own response, which
        # frames it, must get the admin's preview policy, not the page's.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if is_admin_path(request.path_info):
            parts.config = dict(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            if is_preview_path(request.path_info):
                parts.config["frame-ancestors"] = ["'self'"]
        elif is_onion_request(request):
            # The onion service is plain http: upgrading its own http://
            # addresses to https would break every stylesheet and image.
            parts.config = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
            parts.config.pop("upgrade-insecure-requests", None)
        return parts


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy and Cross-Origin-Resource-Policy to responses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


def public_max_age(request, response):
    """How long caches may share this response, or None when they must not.

    Only GET/HEAD responses (200, or 404 for a short while since the page may
    be published a minute later) that set no cookie and do not depend on one
    (no `Vary: Cookie`, which Django adds whenever the session or the user was
    read), outside the admin, and that did not choose their own Cache-Control.
    """
    if request.method not in ("GET", "HEAD") or response.status_code not in (200, 404):
        return None
    if is_admin_path(request.path_info) or response.cookies:
        return None
    if response.has_header("Cache-Control") or response.streaming:
        return None
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    if "cookie" in vary or "*" in vary:
        return None
    if response.status_code == 404:
        return settings.PUBLIC_CACHE_MAX_AGE_NOT_FOUND
    return settings.PUBLIC_CACHE_MAX_AGE


class PublicCacheMiddleware:
    """Marks anonymous page responses `Cache-Control: public, max-age=...`.

    It must sit above SessionMiddleware in `MIDDLEWARE`, so that it sees the
    `Vary: Cookie` that SessionMiddleware adds to responses that read the
    session. It also drops `Vary: Accept-Language`, which LocaleMiddleware adds
    although the language of every page comes from its URL (English at the
    root, /fr/, /es/; LocaleMiddleware ignores the browser's language when
    i18n_patterns has prefix_default_language=False): the header would only
    make CDNs keep one copy per browser language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        max_age = public_max_age(request, response)
        if max_age is not None:
            patch_cache_control(response, public=True, max_age=max_age)
        if "public" not in response.get("Cache-Control", ""):
            return response
        vary = [
            v.strip()
            for v in response.get("Vary", "").split(",")
            if v.strip() and v.strip().lower() != "accept-language"
        ]
        if vary:
            response["Vary"] = ", ".join(vary)
        elif response.has_header("Vary"):
            del response["Vary"]
        return response


def never_store(response):
    """Keep `response` out of every cache: the page cache, a CDN, the browser.

    For answers that reveal what a reader asked, such as search results: kept
    in a shared cache, their presence (a fast answer) would tell anyone that
    somebody searched for those words.
    """
    patch_cache_control(response, no_store=True, private=True)
    return response
