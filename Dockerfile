# syntax=docker/dockerfile:1
# Production image: the same steps as the Makefile (install from
# requirements.txt, collectstatic), served by gunicorn + WhiteNoise behind
# the front in deploy/ (docker-compose.yml runs the whole topology).
# Migrations are a release step, not part of start-up: see README.md.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
COPY requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install --upgrade pip \
    && /venv/bin/pip install -r /tmp/requirements.txt

FROM python:3.11-slim AS app
ENV PATH="/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=mysite.settings.production \
    MEDIA_ROOT=/app/media \
    PORT=8000 \
    WEB_CONCURRENCY=3
RUN useradd --create-home --uid 1000 app
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=app:app . .
# Static files are collected at build time with throwaway values: the real
# secret and hosts arrive only at run time.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=build.invalid \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown app:app /app/media
USER app
EXPOSE 8000
# /healthz answers plain HTTP (exempt from the https redirect); the probe
# asks as the first of DJANGO_ALLOWED_HOSTS (mysite/health.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "mysite.health"]
# gunicorn.conf.py: gthread workers behind the front's buffering, no access
# log (it would record readers' IP addresses and browsers).
CMD ["gunicorn", "-c", "gunicorn.conf.py", "mysite.wsgi:application"]
