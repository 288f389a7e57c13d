"""Uploaded files are served so that none can run a script on our domain
(CVE-2026-23499): only raster images inline, everything else as a download."""
import pytest
from django.test import Client

from saleor_config import urls

FILES = {
    "pain.png": b"\x89PNG\r\n\x1a\n",
    "piege.html": b"<script>alert(document.domain)</script>",
    "piege.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "piege.png.htm": b"<script>alert(1)</script>",
    "sans-extension": b"<script>alert(1)</script>",
}


@pytest.fixture(autouse=True)
def media_root(monkeypatch, tmp_path):
    """The /media/ route reads its folder from the URL pattern: point it at ours."""
    (tmp_path / "products").mkdir()
    for name, content in FILES.items():
        (tmp_path / "products" / name).write_bytes(content)
    (media_route,) = [p for p in urls.urlpatterns if str(p.pattern).startswith("^media/")]
    monkeypatch.setitem(media_route.default_args, "document_root", str(tmp_path))


@pytest.mark.parametrize("name", ["piege.html", "piege.svg", "piege.png.htm", "sans-extension"])
def test_anything_but_a_raster_image_is_a_download_that_cannot_run(name):
    response = Client().get(f"/media/products/{name}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_product_photo_still_shows_in_the_page():
    response = Client().get("/media/products/pain.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_missing_file_is_still_a_404():
    assert Client().get("/media/products/absent.png").status_code == 404
