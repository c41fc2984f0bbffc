"""Settings shared by every environment; each value that differs per machine comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("LINGGAO_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "simple_history",
    "axes",
    "django_htmx",
    "linggao_mi.org",
    "linggao_mi.deadlines",
    "linggao_mi.notifications",
    "linggao_mi.documents",
    "linggao_mi.attachments",
    "linggao_mi.casework",
    "linggao_mi.lists",
    "duties",
    "boundaries",
    "services",
    "energy",
    "inspections",
    "infoproj",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "linggao_mi.urls"
# A refused form post (expired page, cookies off) answers in Chinese in the portal's layout, like 400/403/404/500.
CSRF_FAILURE_VIEW = "linggao_mi.org.views.csrf_failure"
WSGI_APPLICATION = "linggao_mi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "linggao_mi.org.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'linggao.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The portal's queries are short: PostgreSQL's JIT compiled a deep list page for 2.5 s of its 2.6 s
    # (shared/measurements/2026-11-29-scale.md), so it stays off for the portal's connections.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Axes only refuses locked-out accounts (and, inheriting ModelBackend, lets force_login work in tests);
    # ModelBackend authenticates.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace"
LOGOUT_REDIRECT_URL = "home"

# django-axes: five wrong passwords lock the account (not the address) for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Locking the account itself is the requirement; an address-based lock would let a guesser rotate addresses.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None

# zh-hans only, whatever the browser asks for: there is no LocaleMiddleware, so every request (and every Celery
# task) runs in LANGUAGE_CODE. locale/ overrides the few Django strings whose Chinese translation keeps ASCII
# punctuation (the label suffix ":" becomes "："; DRF's and Django's own messages are already translated).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("LINGGAO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "linggao_mi.casework.schema.AutoSchema",
    "EXCEPTION_HANDLER": "linggao_mi.casework.api.exception_handler",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # API clients: `Authorization: Token <key>`, one revocable key per user, issued in the admin (README).
        # First, so that a request without valid credentials answers 401 with `WWW-Authenticate: Token`.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "临高县工业和信息化局 监管业务平台 API",
    "DESCRIPTION": "部门职责、职责边界、公共服务事项与监管业务的接口。",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per choice set, whichever field carries it.
    "ENUM_NAME_OVERRIDES": {
        "CheckItemEnum": "energy.choices.CheckItem",
        "MeasureEnum": "energy.choices.Measure",
        "InspectionCaseStateEnum": "energy.choices.CaseState",
        "ITProjectStateEnum": "infoproj.choices.ProjectState",
        "KeyProjectStateEnum": "infoproj.choices.KeyProjectState",
        "PlanFilingStateEnum": "infoproj.choices.PlanState",
        "BriefingStateEnum": "infoproj.choices.BriefingState",
        "BriefingKindEnum": "infoproj.choices.BriefingKind",
        "KeyProjectKindEnum": "infoproj.choices.KeyProjectKind",
        "TenderDocKindEnum": "infoproj.choices.TenderDocKind",
        "OversightCheckStateEnum": "inspections.choices.CheckState",
        "SupervisionStateEnum": "inspections.choices.SupervisionState",
        "FaultStateEnum": "inspections.choices.FaultState",
        "ReviewResultEnum": "inspections.choices.ReviewResult",
        "FindingResultEnum": "energy.choices.FindingResult",
        "InspectionTriggerEnum": "energy.choices.Trigger",
        "FixedAssetTriggerEnum": "energy.fixed_asset.choices.TriggerCode",
        "FixedAssetCheckKindEnum": "energy.fixed_asset.choices.CheckKind",
        "FixedAssetCheckMethodEnum": "energy.fixed_asset.choices.CheckMethod",
        "FixedAssetCheckStateEnum": "energy.fixed_asset.choices.CheckState",
        "FixedAssetMeasureEnum": "energy.fixed_asset.choices.MeasureKind",
        "ServiceMethodEnum": "linggao_mi.documents.choices.ServiceMethod",
    },
}

# Celery: Redis when REDIS_URL is set; otherwise an embedded file-system broker so that a first run
# needs no server. Every periodic schedule of the portal is declared here and nowhere else.
REDIS_URL = os.environ.get("REDIS_URL", "")
# The cache (the public forms' rate limits, sessions) is shared by every web process through Redis when there is one.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
# A logged-in page reads its session from the cache, not the database (which keeps it, so that a flushed cache or
# a restart logs nobody out).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# How texts to the public are sent: the default records them (inspections.OutgoingMessage) for a clerk or an SMS
# gateway to pick up; a deployment names its gateway's backend class here.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "inspections.sms.RecordingBackend")
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
if not REDIS_URL:
    _queue = VAR_DIR / "celery-queue"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue),
        "data_folder_out": str(_queue),
        "processed_folder": str(VAR_DIR / "celery-processed"),
        "store_processed": False,
    }
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "deadline-reminders": {
        "task": "linggao_mi.deadlines.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "tidy-exports": {
        "task": "linggao_mi.lists.tasks.tidy_exports",
        "schedule": crontab(hour=3, minute=0),
    },
    # 三（五）2(4): fixed-asset projects not started within two years after passing their energy review.
    "fixed-asset-not-started": {
        "task": "energy.fixed_asset.tasks.detect_not_started",
        "schedule": crontab(hour=7, minute=0),
    },
    # 三（三）: at the week's end (Friday afternoon), key projects with no weekly record this week are chased.
    "key-project-weekly-tracking": {
        "task": "infoproj.tasks.chase_weekly_tracking",
        "schedule": crontab(day_of_week="fri", hour=16, minute=0),
    },
}
# Days before a deadline when its responsible people are first reminded.
DEADLINE_REMINDER_LEAD_DAYS = int(os.environ.get("DEADLINE_REMINDER_LEAD_DAYS", "3"))
# Attachments of the full-process record (photos, audio, video, PDF).
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(50 * 1024 * 1024)))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
# Seconds one try waits on the mail server; mail is sent by Celery tasks (notifications.tasks), which retry.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@linggao.gov.cn")
# The bureau in whose name every document is issued: its name (版头, 落款) and the text at the seal position.
BUREAU_NAME = os.environ.get("BUREAU_NAME", "临高县工业和信息化局")
BUREAU_SEAL_TEXT = os.environ.get("BUREAU_SEAL_TEXT", "（印章）")
BUREAU_ADDRESS = os.environ.get("BUREAU_ADDRESS", "海南省临高县临城镇")

# The portal's address as users reach it, for links in e-mails; `make run` passes its PORT.
SITE_URL = os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"

# Demo accounts exist only where a setting allows them; production never does.
DEMO_ACCOUNTS_ALLOWED = False
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "linggao-demo")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of every PDF at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
