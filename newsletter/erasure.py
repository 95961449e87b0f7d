"""Erased supporters: only a keyed hash of the address is kept, so that an
opt-out is honoured without keeping the address (a model of newsletter)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsletter.addresses import email_key, email_keys


class ErasedAddress(models.Model):
    """A keyed hash of an erased supporter's address, kept to honour opt-outs."""

    key = models.CharField(max_length=64, unique=True)
    erased_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("erased address")
        verbose_name_plural = _("erased addresses")

    def __str__(self):
        return self.key[:12]

    @classmethod
    def record(cls, address):
        cls.objects.get_or_create(key=email_key(address))

    @classmethod
    def forget(cls, address):
        """Drop the erasure (consent given again), under any key it has."""
        cls.objects.filter(key__in=email_keys(address)).delete()

    @classmethod
    def is_erased(cls, address):
        return cls.objects.filter(key__in=email_keys(address)).exists()
