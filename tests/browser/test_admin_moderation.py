"""Moderation against the real server (gunicorn, 8 threads, a SQLite file in
WAL mode): overlapping "Approve and publish" requests and an autosave racing a
submit give no server error, and the page ends live after every approval.

Requests are sent as the admin's browser sends them (session cookie, CSRF
token, the edit form's fields), several at once, so that they overlap on
the server as a double click or an autosave beside a click does.
"""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.browser.server import ADMIN_PASSWORD, ADMIN_USER

CYCLES = 10


class AdminSession:
    """A logged-in admin, speaking HTTP to the live server."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies)
        )
        self.get("/admin/login/")
        self.post("/admin/login/", {"username": ADMIN_USER, "password": ADMIN_PASSWORD})

    def csrf(self):
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def request(self, path, data=None, accept="text/html"):
        body = None
        if data is not None:
            body = urllib.parse.urlencode(
                {**data, "csrfmiddlewaretoken": self.csrf()}
            ).encode()
        request = urllib.request.Request(  # noqa: S310 - the live test server
            self.base_url + path,
            data=body,
            headers={"Accept": accept, "Referer": self.base_url + path},
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, path, error.read().decode()

    def get(self, path):
        return self.request(path)

    def post(self, path, data, accept="text/html"):
        return self.request(path, data, accept)


def page_form(title, slug, **actions):
    empty_formset = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"} | {
        "MIN_NUM_FORMS": "0",
        "MAX_NUM_FORMS": "1000",
    }
    return {
        "title": title,
        "slug": slug,
        "summary": "A page for the moderation test.",
        "body-count": "0",
        **{f"body-{key}": value for key, value in empty_formset.items()},
        **{f"comments-{key}": value for key, value in empty_formset.items()},
        **actions,
    }


def all_at_once(*calls):
    """Run the calls in threads started together; their results in order."""
    results = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index, call):
        start.wait()
        results[index] = call()

    threads = [
        threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def admin(live_site):
    return AdminSession(live_site.url)


def create_page(admin, live_site, slug):
    home_id = live_site.ids["home"]
    status, url, body = admin.post(
        f"/admin/pages/add/home/standardpage/{home_id}/",
        page_form(slug.title(), slug),
    )
    assert status == 200, body[-2000:]
    page_id = re.search(r"/admin/pages/(\d+)/edit/", url).group(1)
    return page_id


def test_ten_overlapping_approvals_leave_the_page_live(admin, live_site):
    page_id = create_page(admin, live_site, "moderation-cycles")
    edit = f"/admin/pages/{page_id}/edit/"
    statuses = []
    for cycle in range(CYCLES):
        title = f"Moderation cycle {cycle}"
        status, _url, body = admin.post(
            edit, page_form(title, "moderation-cycles", **{"action-submit": "1"})
        )
        assert status == 200, body[-2000:]
        approve = page_form(
            title,
            "moderation-cycles",
            **{
                "action-workflow-action": "true",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": "{}",
            },
        )
        # A double click: the same "Approve and publish" twice at once.
        results = all_at_once(
            lambda data=approve: admin.post(edit, data),
            lambda data=approve: admin.post(edit, data),
        )
        statuses += [status for status, _url, _body in results]
        public = urllib.request.urlopen(  # noqa: S310 - the live test server
            f"{live_site.url}/moderation-cycles/", timeout=30
        )
        assert public.status == 200
        assert title in public.read().decode(), f"cycle {cycle}: not live"
    assert [s for s in statuses if s >= 500] == []
    assert "Traceback" not in live_site.server_log()


def test_an_autosave_racing_a_submit_gives_no_server_error(admin, live_site):
    page_id = create_page(admin, live_site, "autosave-race")
    edit = f"/admin/pages/{page_id}/edit/"
    statuses = []
    for attempt in range(5):
        title = f"Autosave race {attempt}"
        autosave = page_form(title, "autosave-race")
        submit = page_form(title, "autosave-race", **{"action-submit": "1"})
        results = all_at_once(
            lambda data=autosave: admin.post(edit, data, accept="application/json"),
            lambda data=submit: admin.post(edit, data),
        )
        statuses += [status for status, _url, _body in results]
        # Withdraw the review so the next attempt can submit again.
        admin.post(
            edit, page_form(title, "autosave-race", **{"action-cancel-workflow": "1"})
        )
    assert [s for s in statuses if s >= 500] == []
    log = live_site.server_log()
    assert "database is locked" not in log
    assert "Traceback" not in log
