import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from tashawur.groups.models import Role, RoleKind, WorkingGroup


class Command(BaseCommand):
    help = (
        "Create (once) a secretariat login for every working group and print it. The password is kept in "
        ".secretariat-login in the project folder so that each `make run` prints the same one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="secretariat")
        parser.add_argument("--password-file", default=str(Path(settings.BASE_DIR) / ".secretariat-login"))

    def handle(self, *args, **options):
        user_model = get_user_model()
        password_file = Path(options["password_file"])
        user = user_model.objects.filter(username=options["username"]).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            user = user or user_model(username=options["username"], email="secretariat@localhost")
            user.is_staff = True
            user.is_superuser = True
            user.set_password(password)
            user.save()
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
        else:
            password = password_file.read_text(encoding="utf-8").strip()
        for group in WorkingGroup.objects.all():
            Role.objects.get_or_create(user=user, group=group, kind=RoleKind.SECRETARIAT, member_state=None)
        self.stdout.write(f"Secretariat login: username {user.username!r}, password {password!r}")
