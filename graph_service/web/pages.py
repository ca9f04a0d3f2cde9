"""The browser pages: GraphiQL (development) at GET /graphql and the relationship explorer at
/explore. Both are static files that speak only to this service's public GraphQL API."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from graph_service.auth.tokens import mint_development_token
from graph_service.settings import Settings
from graph_service.web.assets import ASSETS_PATH, asset, static_file
from graph_service.web.security import page_headers
from seeds.staff import DEMO_STAFF

EXPLORE_PATH = "/explore"


def _page(name: str) -> HTMLResponse:
    found = static_file(name)
    if found is None:  # a broken install, not a user's mistake
        raise FileNotFoundError(f"graph_service/web/static/{name} is missing from the package")
    return HTMLResponse(found.read_text(encoding="utf-8"), headers=page_headers())


def graphiql_page() -> HTMLResponse:
    """GraphiQL, its React and its styles all served from /assets."""
    return _page("graphiql/index.html")


def offers_demo_staff(settings: Settings) -> bool:
    """True where anyone may mint tokens anyway: outside production, with the development
    secret (not a district's JWKS)."""
    return not settings.is_production and settings.jwks_url is None


def web_routes(settings: Settings) -> list[Route]:
    """/explore, its development staff picker and the shipped assets."""

    async def explore(request: Request) -> Response:
        return _page("explore/index.html")

    async def demo_staff(request: Request) -> Response:
        # The explorer's picker: a token for each demo staff member, so a newcomer can see
        # the explorer through each access state without minting tokens by hand.
        if not offers_demo_staff(settings):
            return JSONResponse({"staff": []}, status_code=404, headers=page_headers())
        staff = [
            {
                "employeeId": employee,
                "name": name,
                "state": state,
                "token": mint_development_token(settings, employee),
            }
            for employee, (name, state) in DEMO_STAFF.items()
        ]
        return JSONResponse(
            {"staff": staff}, headers={**page_headers(), "Cache-Control": "no-store"}
        )

    return [
        Route(EXPLORE_PATH, explore, methods=["GET"]),
        Route(f"{EXPLORE_PATH}/demo-staff", demo_staff, methods=["GET"]),
        Route(ASSETS_PATH + "/{path:path}", asset, methods=["GET"]),
    ]
