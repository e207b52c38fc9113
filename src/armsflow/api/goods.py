"""``GET /api/goods``: the goods check of ``armsflow goods`` over HTTP (read-only, no token).

Kept in its own module so the screening work packages each add their routes with one line in ``create_app``;
:func:`add_routes` uses the application's store and error shapes (bad input: 400 with ``{"error": …}``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query

from armsflow.screening.goods import GoodsError, check
from armsflow.store import Store

Description = Annotated[str | None, Query(max_length=2000, description="the goods in words, German or English")]
Code = Annotated[str | None, Query(max_length=40, description="an HS4, HS6, CN8 or TARIC code (8542.31, 85423190)")]
Lang = Annotated[Literal["de", "en"] | None, Query(description="read only this language's words (default both)")]
Top = Annotated[int, Query(ge=1, le=20, description="at most this many candidate codes")]


def add_routes(
    app: FastAPI, store: Callable[[], Store], errors: Callable[..., dict[int | str, dict[str, Any]]]
) -> None:
    """The goods route of ``app`` (``store`` gives the thread's connection for the network context)."""

    @app.get("/api/goods", tags=["screening"], responses=errors(400, 422, 503))
    def goods(description: Description = None, hs: Code = None, lang: Lang = None, top: Top = 5) -> dict[str, Any]:
        """Candidate HS codes for a description (or the code given), the control-list entries covering each
        (CHPL tier, EU 2023/1529 annex, UK Iran Schedule 4, with document and date), the purposes the
        description names and the knowledge base's transfer records of the item categories involved: the
        ``to_json()`` of :func:`armsflow.screening.goods.check`."""
        try:
            result = check(description, hs, lang, store(), top=top)
        except GoodsError as err:
            raise HTTPException(400, str(err)) from err
        out: dict[str, Any] = result.to_json()
        return out
