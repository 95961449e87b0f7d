from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        # The sending models live in their own package; importing them here
        # registers them with the app (newsletter.models stays as it is).
        from newsletter.sending import models as sending_models  # noqa: F401
        from newsletter.sending import webhooks  # noqa: F401
