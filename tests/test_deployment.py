"""The deployment files and production settings, checked the way an operator would use them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _compose_config(env: dict) -> subprocess.CompletedProcess:
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        command = ["docker", "compose", "config", "-q"]
    elif shutil.which("docker-compose"):
        command = ["docker-compose", "config", "-q"]
    else:
        pytest.fail("neither `docker compose` nor `docker-compose` is installed (make test installs docker-compose)")
    return subprocess.run(command, cwd=ROOT, env={"PATH": os.environ["PATH"], **env}, capture_output=True, text=True)


def test_compose_file_is_accepted_with_a_secret_key():
    result = _compose_config({"DJANGO_SECRET_KEY": "s3cret"})
    assert result.returncode == 0, result.stderr


def test_compose_file_refuses_to_start_without_a_secret_key():
    result = _compose_config({})
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_compose_runs_every_service():
    text = (ROOT / "docker-compose.yml").read_text()
    for service in ("postgres:", "redis:", "web:", "worker:", "beat:", "gunicorn", "celery -A linggao_mi worker",
                    "celery -A linggao_mi beat"):
        assert service in text


def _production_settings(env: dict) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEMO_ACCOUNTS_ALLOWED)"
    base = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "linggao_mi.settings.production"}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True)


def test_production_refuses_to_start_without_secret_key():
    result = _production_settings({})
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = _production_settings({"DJANGO_SECRET_KEY": "x", "DJANGO_DEBUG": "1"})
    assert result.returncode != 0 and "DEBUG" in result.stderr


def test_production_never_allows_demo_accounts():
    result = _production_settings({"DJANGO_SECRET_KEY": "x"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def _deploy_check(env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING",
               "--settings=linggao_mi.settings.production"]
    base = {"PATH": os.environ["PATH"], "DJANGO_SECRET_KEY": "k" * 20 + "-production-check-" + "q" * 20,
            "DJANGO_ALLOWED_HOSTS": "gxj.lingao.example"}
    return subprocess.run(command, cwd=ROOT, env={**base, **env}, capture_output=True, text=True)


def test_production_passes_the_deploy_check_without_a_warning():
    result = _deploy_check({})
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_behind_a_tls_proxy_the_redirect_and_hsts_can_be_turned_off():
    result = _deploy_check({"DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_HSTS_SECONDS": "0"})
    assert result.returncode != 0
    assert "security.W008" in result.stderr and "security.W004" in result.stderr
