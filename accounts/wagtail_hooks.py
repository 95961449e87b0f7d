"""The admin's two-factor pages (see accounts/middleware.py for when they apply)."""

from django.urls import path
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/setup/", views.setup, name="accounts_2fa_setup"),
        path("two-factor/verify/", views.verify, name="accounts_2fa_verify"),
    ]
