"""What operators watch: Prometheus metrics, one JSON log line per request, request ids."""
