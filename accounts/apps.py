from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts: login throttling without raw addresses, and 2FA."""

    name = "accounts"
    verbose_name = _("Staff accounts")
