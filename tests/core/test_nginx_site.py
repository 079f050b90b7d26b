"""The nginx site operators start from (settings/nginx.conf.template), as `make prod-smoke` fills
it in: nginx accepts it, and a placeholder left without a value is named. The full shape behind
it is tested by `make prod-smoke` (tests/prod_smoke/)."""

import os
import subprocess

import pytest

from tests.prod_smoke.shape import NGINX, nginx_site

VALUES = {
    "LISTEN": "127.0.0.1:8889",
    "SERVER_NAME": "leren.example.be",
    "APPLICATION": "127.0.0.1:8000",
}


@pytest.mark.skipif(
    not os.access(NGINX, os.X_OK), reason="Debian's nginx is missing (apt-get install nginx-light)"
)
def test_nginx_accepts_the_filled_in_site(tmp_path):
    key, certificate = tmp_path / "key.pem", tmp_path / "certificate.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=leren.example.be", "-keyout", key, "-out", certificate],
        check=True, capture_output=True,
    )  # fmt: skip
    site = nginx_site(
        **VALUES,
        TLS_CERTIFICATE=certificate,
        TLS_CERTIFICATE_KEY=key,
        STATIC_ROOT=tmp_path / "static",
        MEDIA_ROOT=tmp_path / "uploads",
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )
    checked = subprocess.run(
        [NGINX, "-t", "-p", tmp_path, "-c", tmp_path / "nginx.conf", "-e", tmp_path / "error.log"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "location /protected-uploads/ {\n        internal;" in site
    assert f"alias {tmp_path}/uploads/;" in site


def test_a_placeholder_without_a_value_is_named():
    with pytest.raises(ValueError, match="@MEDIA_ROOT@, @STATIC_ROOT@"):
        nginx_site(**VALUES, TLS_CERTIFICATE="c.pem", TLS_CERTIFICATE_KEY="k.pem")
