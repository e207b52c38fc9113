"""The screening endpoints: ``POST /api/screen`` (a counterparty against the loaded lists, read-only) and the
analysts' decisions on hits (writing one needs the token, as every write does).

:func:`add_routes` adds them to the application ``create_app`` builds, with its store, token check and error
shapes; bad input answers 400 with ``{"error": …}`` naming the value (the service's ``QueryError``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel, Field

from armsflow.screening import service
from armsflow.store import Store


class ScreenRequest(BaseModel):
    """A counterparty to screen, with what else is known about it."""

    name: str = Field(min_length=1, max_length=500, description="the name, in any script")
    country: str | None = Field(None, max_length=3, description="ISO 3166 alpha-3 (RUS, IRN)")
    dob: str | None = Field(None, max_length=10, description="birth date: YYYY, YYYY-MM or YYYY-MM-DD")
    ids: list[str] = Field(default_factory=list, max_length=20, description="identifiers as KIND:VALUE (imo:9123456)")
    goods: str | None = Field(None, max_length=2000, description="also check goods described in words")
    hs: str | None = Field(None, max_length=12, description="also check an HS6 or CN8 code")
    all: bool = Field(False, description="also hits below the threshold and decided false positives")


class DecisionRequest(BaseModel):
    """An analyst's decision on a hit: the counterparty as screened, the list entity, the verdict."""

    name: str = Field(min_length=1, max_length=500, description="the counterparty's name as screened")
    list: str = Field(min_length=1, max_length=200, description="the list of the entity")
    entity_id: str = Field(min_length=1, max_length=200, description="the list entity's id")
    decision: Literal["false_positive", "confirmed"]
    by: str = Field(min_length=1, max_length=200, description="who decides")
    why: str | None = Field(None, max_length=2000, description="the reason, kept with the decision")


def add_routes(
    app: FastAPI,
    store: Callable[[], Store],
    authorised: Callable[..., None],
    errors: Callable[..., dict[int | str, dict[str, Any]]],
) -> None:
    """The screening routes of ``app``."""

    @app.post("/api/screen", tags=["screening"], responses=errors(400, 413, 422, 503))
    def screen(body: ScreenRequest) -> dict[str, Any]:
        """Hits of a counterparty on the loaded lists, best first, with explanation, decision and context."""
        query = service.make_query(body.name, body.country, body.dob, body.ids)
        return service.screen(store(), query, all_hits=body.all, goods=body.goods, hs=body.hs)

    @app.post(
        "/api/screen/decisions",
        tags=["screening"],
        dependencies=[Depends(authorised)],
        responses=errors(400, 401, 413, 422, 503),
    )
    def decide(body: DecisionRequest) -> dict[str, Any]:
        """Store a decision; it applies to the same counterparty and entity until the entity changes."""
        return service.decide(store(), body.name, body.list, body.entity_id, body.decision, body.by, body.why)

    @app.get("/api/screen/decisions", tags=["screening"], responses=errors(422, 503))
    def list_decisions(
        name: Annotated[str | None, Query(max_length=500, description="only on this counterparty")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        """Decisions, newest first (``reopened`` when the list entity changed since)."""
        items = service.decisions(store(), name, limit)
        return {"total": len(items), "items": items}
