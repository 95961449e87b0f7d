"""Every minute (cron): start due newsletter sends and resume stalled ones."""

from django.core.management.base import BaseCommand

from newsletter.sending.tasks import resume_stalled, start_due


class Command(BaseCommand):
    help = (
        "Start scheduled newsletter sends that are due; resume sends whose worker died."
    )

    def handle(self, *args, **options):
        started = start_due()
        resumed = resume_stalled()
        self.stdout.write(f"started {len(started)}, resumed {len(resumed)}")
