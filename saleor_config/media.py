"""Uploaded files served by the app (CVE-2026-23499): an upload is only checked by the
type the client announces, so an HTML or SVG file could run a script on our domain.
Only raster images are shown inline; anything else is a download, and none may run."""
from django.views.static import serve

INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
# Even an inline image gets no script, no plugin, no frame, no form.
LOCKED_DOWN = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def serve_media(request, path, document_root):
    response = serve(request, path, document_root=document_root)
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in INLINE_TYPES:
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = LOCKED_DOWN
    return response
