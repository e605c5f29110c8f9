"""Django settings, read from the environment (see README, "Configuration")."""

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tashawur.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

DEBUG = env_bool("DEBUG", True)
_DEV_SECRET = "dev-only-insecure-secret-key-change-me-in-production-0123456789"
SECRET_KEY = env_str("SECRET_KEY", None if not DEBUG else _DEV_SECRET)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "tashawur.core",
    "tashawur.groups",
    "tashawur.meetings",
    "tashawur.cycles",
    "tashawur.consultations",
    "tashawur.responses",
    "tashawur.mailin",
    "tashawur.policy",
    "tashawur.repository",
    "tashawur.positions",
    "tashawur.mandates",
    "tashawur.annualreports",
    "tashawur.documents",
    "tashawur.demo",
    "tashawur.announcements",
    "tashawur.accounts",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "tashawur.api",
    "tashawur.search",
    "tashawur.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if not DEBUG:  # runserver serves static files in development; WhiteNoise does in production
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "tashawur.urls"
WSGI_APPLICATION = "tashawur.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in the project folder is the embedded default; PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _sqlite_options = DATABASES["default"].setdefault("OPTIONS", {})
    _sqlite_options.setdefault("timeout", 20)  # DATABASE_URL ?timeout=N wins
    # Writers take the lock when their transaction begins, so concurrent deliveries queue
    # instead of failing with "database is locked" halfway through.
    _sqlite_options.setdefault("transaction_mode", "IMMEDIATE")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The six official languages of the United Nations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "documents" / "locale", PACKAGE_DIR / "announcements" / "locale",
                PACKAGE_DIR / "accounts" / "locale", PACKAGE_DIR / "meetings" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "UTC")
try:
    ZoneInfo(TIME_ZONE)
except (ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"TIME_ZONE={TIME_ZONE!r} is not an IANA time zone.") from None

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))

# Background tasks (compiled reports): django-tasks with its database backend; run a worker with
# `tashawur db_worker` (`make run` starts one beside runserver).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The public address of the site, for links printed in PDF and Word documents.
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail (used by later features: acknowledgements, announcements).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tashawur <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAIL_DOMAIN = env_str("MAIL_DOMAIN", "consultations.localhost")
# Announcements and subscribers' notices (README, "Announcements"): messages per minute unless an
# announcement sets its own; a batch holds the task worker at most this long; a message claimed longer
# ago than ANNOUNCEMENT_STALE_SECONDS without a result is "uncertain" and is not sent again on its own.
ANNOUNCEMENT_RATE_PER_MINUTE = env_int("ANNOUNCEMENT_RATE_PER_MINUTE", 60)
ANNOUNCEMENT_BATCH_SECONDS = env_int("ANNOUNCEMENT_BATCH_SECONDS", 20)
ANNOUNCEMENT_STALE_SECONDS = env_int("ANNOUNCEMENT_STALE_SECONDS", 600)
DEADLINE_REMINDER_DAYS = env_int("DEADLINE_REMINDER_DAYS", 7)

# Production hardening; `manage.py check --deploy` passes with DEBUG off and HTTPS on.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"event": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "event"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

LOGIN_URL = "accounts:login"
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
MESSAGE_MAX_BYTES = env_int("MESSAGE_MAX_BYTES", 25 * 1024 * 1024)

# Web form: new responses per hour from one e-mail address and from one client address (0: no limit).
RESPONSE_RATE_LIMIT_PER_ADDRESS = env_int("RESPONSE_RATE_LIMIT_PER_ADDRESS", 5)
RESPONSE_RATE_LIMIT_PER_IP = env_int("RESPONSE_RATE_LIMIT_PER_IP", 20)
# Reverse proxies in front of the application that append to X-Forwarded-For (0: trust only the connection).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Incoming e-mail (docs/email.md): the file backend writes outgoing mail to EMAIL_FILE_PATH;
# IMAP polling (`manage.py poll_imap`) reads an existing mailbox.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
IMAP_HOST = env_str("IMAP_HOST", "")
IMAP_PORT = env_int("IMAP_PORT", 993)
IMAP_USER = env_str("IMAP_USER", "")
IMAP_PASSWORD = env_str("IMAP_PASSWORD", "")  # or IMAP_PASSWORD_FILE
IMAP_FOLDER = env_str("IMAP_FOLDER", "INBOX")
IMAP_SSL = env_bool("IMAP_SSL", True)
IMAP_ADDRESS = env_str("IMAP_ADDRESS", "")  # the address the mailbox receives for, e.g. an alias

# Open data: the REST API (/api/v1/), exports, feeds and search (see README, "Open data").
# Requests per client address (anonymous) or per token, e.g. "120/min"; the cache must be shared
# by all web processes for the limits to hold across them.
API_RATE_LIMITS = {
    "anonymous": env_str("API_RATE_LIMIT_ANONYMOUS", "120/min"),
    "token": env_str("API_RATE_LIMIT_TOKEN", "600/min"),
    "submit": env_str("API_RATE_LIMIT_SUBMIT", "30/hour"),
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["tashawur.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["tashawur.api.permissions.ReadOnlyOrToken"],
    "DEFAULT_THROTTLE_CLASSES": ["tashawur.api.throttling.AnonymousRate", "tashawur.api.throttling.TokenRate"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "tashawur.api.pagination.Cursor",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "tashawur.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tashawur API",
    "DESCRIPTION": "Open data of the open consultations: groups, meetings, cycles, consultations, published "
                   "responses, statistics, exports and search. Reading is public; writing takes a token.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ResponseStatusEnum": "tashawur.responses.models.Status",
        "RejectionReasonEnum": "tashawur.responses.models.RejectionReason",
        "ConsultationStatusEnum": "tashawur.rules.ConsultationStatus",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tashawur.api.schema.add_problem_responses",
    ],
}
# Reads are open to pages on any origin, without cookies; writes are not offered cross-origin.
CORS_URLS_REGEX = r"^/(api|opendata)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Link", "Content-Disposition"]

# A cache shared by every worker process (rate limits count across gunicorn workers):
# "database" (default; table made by `createcachetable`) or "locmem" for one process.
_CACHE_BACKENDS = {
    "database": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "tashawur_cache"},
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
_cache_choice = env_str("CACHE_BACKEND", "database")
if _cache_choice not in _CACHE_BACKENDS:
    raise ImproperlyConfigured(f"CACHE_BACKEND={_cache_choice!r}: use one of {sorted(_CACHE_BACKENDS)}.")
CACHES = {"default": _CACHE_BACKENDS[_cache_choice]}
