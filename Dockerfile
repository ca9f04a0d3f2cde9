# The service image; docker-compose.yml runs it beside neo4j:5.26-community.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md requirements-runtime.lock ./
COPY graph_service ./graph_service
COPY cypher ./cypher
COPY seeds ./seeds
# The locked versions (hashes checked), then the service itself without resolving anything.
RUN pip install --no-cache-dir --require-hashes -r requirements-runtime.lock \
 && pip install --no-cache-dir --no-deps . && pip check && useradd --system --uid 10001 app
USER app
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz').status != 200)"
CMD ["graph-service", "serve", "--host", "0.0.0.0", "--port", "8000"]
