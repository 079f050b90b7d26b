"""`make prod-smoke`: the production shape on 127.0.0.1, tested through nginx, then stopped.

nginx (TLS with a throwaway certificate, settings/nginx.conf.template) in front of gunicorn with
settings.production, a Celery worker and beat, PostgreSQL (a fresh vif_smoke database) and Redis
(db 14), files on local disk sent through X-Accel-Redirect. Not collected by pytest: no file here
is named test_*.py. Run it with `python -m tests.prod_smoke`.
"""
