"""Admin wiring of newsletter sends: URLs, the menu item, buttons on issues."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from newsletter.sending import admin_views
from newsletter.sending.messages import is_issue


@hooks.register("register_admin_urls")
def register_send_urls():
    return [
        path("newsletter/sends/", admin_views.send_index, name="newsletter_sends"),
        path(
            "newsletter/sends/<int:send_id>/",
            admin_views.send_detail,
            name="newsletter_send",
        ),
        path(
            "newsletter/sends/<int:send_id>/approve/",
            admin_views.approve_send,
            name="newsletter_send_approve",
        ),
        path(
            "newsletter/sends/<int:send_id>/cancel/",
            admin_views.cancel_send,
            name="newsletter_send_cancel",
        ),
        path(
            "newsletter/issues/<int:page_id>/send/",
            admin_views.request_send,
            name="newsletter_send_request",
        ),
        path(
            "newsletter/issues/<int:page_id>/test/",
            admin_views.send_test,
            name="newsletter_send_test",
        ),
    ]


class SendsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_sends_menu_item():
    return SendsMenuItem(
        _("Newsletter sends"),
        reverse("newsletter_sends"),
        icon_name="mail",
        order=610,
    )


@hooks.register("register_page_header_buttons")
def issue_send_button(page, user, view_name, next_url=None):
    if is_issue(page.specific_class or page) and user.has_perm(admin_views.ADD):
        yield Button(
            _("Send to a mailing list"),
            reverse("newsletter_send_request", args=[page.pk]),
            icon_name="mail",
            priority=70,
        )
