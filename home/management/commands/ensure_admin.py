"""Make sure an administrator exists, and say how to log in."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

# The generated password is kept beside the SQLite file (git-ignored), so
# that `make run` can repeat it on later runs instead of hiding it forever.
PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser if missing. The password comes from "
        "DJANGO_ADMIN_PASSWORD, or is generated and printed."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_ADMIN_USER", "admin")
        password = os.environ.get("DJANGO_ADMIN_PASSWORD", "")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()

        if user is None:
            if not password:
                password = secrets.token_urlsafe(12)
                PASSWORD_FILE.write_text(password)
                PASSWORD_FILE.chmod(0o600)
            user_model.objects.create_superuser(
                username=username, email="admin@example.org", password=password
            )
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
        elif PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip()

        shown = password or ("(unchanged; set DJANGO_ADMIN_PASSWORD to reset it)")
        self.stdout.write(
            self.style.SUCCESS(
                f"\nAdmin login: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/\n"
                f"  username: {username}\n  password: {shown}\n"
            )
        )
