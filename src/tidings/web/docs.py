"""/docs (Swagger UI) and /redoc (ReDoc) served with no network: their assets come from the pinned
`fastapi-offline` package (MIT; it ships swagger-ui-dist and redoc's standalone bundle), mounted at
/static/apidocs. No CDN, no Google Fonts."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

__all__ = ["router", "assets", "ASSETS_URL"]

ASSETS_URL = "/static/apidocs"
router = APIRouter(include_in_schema=False)


def assets() -> Path:
    """The folder holding swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js and favicon.png."""
    return Path(str(resources.files("fastapi_offline").joinpath("static")))


@router.get("/docs", response_class=HTMLResponse)
async def swagger_ui() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title="tidings API",
                               swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
                               swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
                               swagger_favicon_url=f"{ASSETS_URL}/favicon.png")


@router.get("/redoc", response_class=HTMLResponse)
async def redoc() -> HTMLResponse:
    return get_redoc_html(openapi_url="/openapi.json", title="tidings API",
                          redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
                          redoc_favicon_url=f"{ASSETS_URL}/favicon.png", with_google_fonts=False)
