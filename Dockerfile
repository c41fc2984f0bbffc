# The portal's image: web (gunicorn), Celery worker and Celery beat all run from it (docker-compose.yml).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=linggao_mi.settings.production
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput
RUN useradd --system --home /app linggao && mkdir -p /app/var/media && chown -R linggao /app/var
USER linggao
EXPOSE 8000
CMD ["gunicorn", "linggao_mi.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
