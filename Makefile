# Two commands for a newcomer: `make run` (set up, then serve on http://127.0.0.1:$(PORT)) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Debian packages: a CJK font and Pango for WeasyPrint; for the tests, Chromium and a compose-file checker.
RUN_DEBS := fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_DEBS := chromium docker-compose

.PHONY: run test setup debs-run debs-test lint bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet ".[dev]"
	touch $@

define install_debs
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "安装系统软件包：$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
endef

debs-run:
	$(call install_debs,$(RUN_DEBS))

debs-test: debs-run
	$(call install_debs,$(TEST_DEBS))

setup: debs-run $(VENV)/.installed
	mkdir -p var/celery-queue var/celery-processed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_registers
	$(PY) manage.py load_demo

# DEBUG stays off (settings.local); links in e-mails point at the port actually served unless SITE_URL says otherwise.
run: export SITE_URL := $(or $(SITE_URL),http://127.0.0.1:$(PORT))
run: setup
	@echo "门户： $(SITE_URL)/   演示账号密码： $${DEMO_PASSWORD:-linggao-demo}"
	@trap 'kill 0' EXIT INT TERM; \
	$(VENV)/bin/celery -A linggao_mi worker --beat --loglevel=INFO --concurrency=1 \
	  --schedule=var/celerybeat-schedule & \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: debs-test $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run --settings=linggao_mi.settings.test
	$(VENV)/bin/pytest
	@# The scale benchmark as a smoke test (it must run, not be fast); it needs PostgreSQL, as CI (.ci/run) has.
	@case "$${DATABASE_URL:-}" in postgres*) $(PY) bench/scale.py --cases 200 --repeat 1 --seconds 1 --long-stop ;; \
	  *) echo "bench/scale.py 未运行：需要 PostgreSQL（设置 DATABASE_URL，或用 .ci/run）" ;; esac

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

# BENCH_CASES=100000 for a province's scale (DATABASE_URL must point at PostgreSQL; the bench makes its own database).
BENCH_CASES ?= 20000
bench: debs-run $(VENV)/.installed
	$(PY) bench/list_pages.py
	$(PY) bench/scale.py --cases $(BENCH_CASES) --json var/bench-scale.json
