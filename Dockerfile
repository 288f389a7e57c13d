# Paris 16 Shopping API, storefront and Celery worker (one image, three commands).
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libmagic1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements/ requirements/
COPY ops/install.sh ops/install.sh
RUN bash ops/install.sh
COPY . .
RUN useradd --system --home /app paris16 && mkdir -p .data/media && chown -R paris16 .data
ENV PATH=/app/.venv/bin:$PATH DJANGO_SETTINGS_MODULE=saleor_config.settings
RUN SECRET_KEY=build DEBUG=True python manage.py collectstatic --no-input -v 0
USER paris16
EXPOSE 8000
CMD ["gunicorn", "saleor_config.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--workers", "4", "--worker-class", "gthread", "--threads", "4", "--timeout", "60"]
