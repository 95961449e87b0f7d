"""Delete sign-ups never confirmed within 30 days (run daily, e.g. from cron)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from newsletter.models import Subscriber, Subscription


class Command(BaseCommand):
    help = (
        "Delete pending subscriptions older than --days (default 30), and "
        "subscribers left with no subscription. Unconfirmed addresses never "
        "consented, so nothing of them is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    @transaction.atomic
    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timedelta(days=days)
        stale = Subscription.objects.filter(
            state=Subscription.State.PENDING, consented_at__lt=cutoff
        )
        subscriptions, _by_model = stale.delete()
        orphans, _by_model = Subscriber.objects.filter(
            subscriptions__isnull=True, created_at__lt=cutoff
        ).delete()
        self.stdout.write(
            f"Deleted {subscriptions} unconfirmed subscription(s) and "
            f"{orphans} row(s) of subscribers left without one."
        )
