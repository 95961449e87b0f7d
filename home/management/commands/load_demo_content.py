"""Build (or bring up to date) the whole demo site. Safe to run again."""

from django.core.management.base import BaseCommand

from campaigns import demo as campaigns_demo
from home import demo as home_demo
from newsletter import demo as newsletter_demo
from resources import demo as resources_demo


class Command(BaseCommand):
    help = "Create the demo site: home, campaigns, resources, sign-up. Idempotent."

    def handle(self, *args, **options):
        home = home_demo.load_home()
        home_demo.load_standard_pages(home)
        # The translated home pages first: the apps translate their pages
        # under them.
        home_demo.load_home_translations(home)
        # Each app adds its part below, in this order: resources and the
        # newsletter first, because campaign pages list papers and hold a
        # sign-up block.
        resources_demo.load(home)
        newsletter_demo.load(home)
        end_reprisals = campaigns_demo.load(home)
        home_demo.load_home_sections(home, end_reprisals)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready under '{home.title}'.")
        )
        self.stdout.write(campaigns_demo.DEMO_NOTES)
