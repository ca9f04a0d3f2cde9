"""What every resolver receives: the request's driver and settings."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import AsyncDriver
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from graph_service.settings import Settings


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    driver: AsyncDriver
    settings: Settings
