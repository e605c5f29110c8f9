from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tashawur.api.services import issue_api_token


class Command(BaseCommand):
    help = (
        "Issue an API token for a user and print it once (only its hash is stored). Writes through the API "
        "act as that user: anyone with a token may submit responses; the secretariat of a group may moderate."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user the token acts as.")
        parser.add_argument("--name", default="API token", help="What the token is for, e.g. the program using it.")

    def handle(self, *args, username, name, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user {username!r}.") from None
        token, secret = issue_api_token(user=user, name=name)
        self.stderr.write(f"Token {token.prefix}… issued for {username} ({name}). Keep it secret:")
        self.stdout.write(secret)
