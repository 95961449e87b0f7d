"""Anonymous readers get no cookie, CDNs may cache, headers protect the reader."""

import re

import pytest

from tests.proof.pages import all_public_pages

# The demo fixture needs pytest-django to make the test database.
pytestmark = pytest.mark.django_db

EXPECTED_PAGE_NAMES = {
    "home",
    "standard page",
    "campaign index",
    "campaign",
    "library",
    "library filtered",
    "library searched",
    "resource",
    "search",
    "search empty",
    "sign-up page",
    "sign-up: check your inbox",
    "sign-up: confirm",
    "sign-up: unsubscribe",
    "sign-up: link invalid",
    "404",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in policy.split(";"))
        if part
    }


def failures(demo_observations, check):
    """`check(observation)` returns a problem or None; collects them all."""
    problems = []
    for name, observation in demo_observations.items():
        problem = check(observation)
        if problem:
            problems.append(f"{name} {observation.page.path}: {problem}")
    return problems


def test_every_public_page_type_is_checked(demo_observations):
    assert set(demo_observations) == EXPECTED_PAGE_NAMES
    assert [p.name for p in all_public_pages()]  # the list is not empty


def test_pages_answer_with_their_status(demo_observations):
    assert not failures(
        demo_observations,
        lambda o: (
            o.response.status_code != o.page.status
            and f"status {o.response.status_code}"
        ),
    )


def test_anonymous_readers_get_no_cookie(demo_observations):
    def check(o):
        if o.response.cookies or o.response.has_header("Set-Cookie"):
            return f"sets {list(o.response.cookies)}"
        if "cookie" in o.response.get("Vary", "").lower():
            return f"Vary: {o.response['Vary']}"
        return None

    assert not failures(demo_observations, check)


def test_public_pages_may_be_cached_by_a_cdn(demo_observations):
    def check(o):
        cache_control = o.response.get("Cache-Control", "")
        if not o.page.shared_cache:
            # Emailed-link pages are for one reader, search results reveal
            # what a reader asked: never shared.
            return "public" in cache_control and f"Cache-Control: {cache_control}"
        max_age = re.search(r"max-age=(\d+)", cache_control)
        if "public" not in cache_control or not max_age or int(max_age[1]) <= 0:
            return f"Cache-Control: {cache_control!r}"
        # The language comes from the URL, so caches need one copy per URL.
        if "accept-language" in o.response.get("Vary", "").lower():
            return f"Vary: {o.response['Vary']}"
        return None

    assert not failures(demo_observations, check)


def test_public_pages_send_a_strict_content_security_policy(demo_observations):
    def check(o):
        policy = directives(o.response)
        script_src = policy.get("script-src", policy.get("default-src"))
        if script_src != ["'self'"]:
            return f"script-src {script_src}"
        if any("unsafe" in value for values in policy.values() for value in values):
            return f"unsafe source in {o.response['Content-Security-Policy']}"
        if policy.get("default-src") != ["'self'"]:
            return f"default-src {policy.get('default-src')}"
        if set(policy.get("frame-src", [])) - {
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        }:
            return f"frame-src {policy.get('frame-src')}"
        if policy.get("form-action") != ["'self'"]:
            return f"form-action {policy.get('form-action')}"
        if policy.get("frame-ancestors") != ["'none'"]:
            return f"frame-ancestors {policy.get('frame-ancestors')}"
        if policy.get("object-src") != ["'none'"]:
            return f"object-src {policy.get('object-src')}"
        return None

    assert not failures(demo_observations, check)


def test_public_pages_send_the_security_headers(demo_observations):
    expected = {
        "Referrer-Policy": re.compile(
            r"^(strict-origin-when-cross-origin|no-referrer)$"
        ),
        "Permissions-Policy": re.compile(r"camera=\(\).*geolocation=\(\)"),
        "Cross-Origin-Opener-Policy": re.compile(r"^same-origin$"),
        "Cross-Origin-Resource-Policy": re.compile(r"^same-origin$"),
        "X-Content-Type-Options": re.compile(r"^nosniff$"),
    }

    def check(o):
        for header, pattern in expected.items():
            if not pattern.search(o.response.get(header, "")):
                return f"{header}: {o.response.get(header)!r}"
        return None

    assert not failures(demo_observations, check)


def test_public_pages_do_not_show_the_wagtail_userbar(demo_observations):
    # The userbar reads the session, which would vary the page on a cookie.
    assert not failures(
        demo_observations,
        lambda o: b"wagtail-userbar" in o.response.content and "userbar",
    )
