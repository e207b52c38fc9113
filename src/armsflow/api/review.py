"""The review endpoints: judgements (writes need the token), the review queue, judgements as gold.

Kept apart from the read-only knowledge-base routes; :func:`add_routes` adds them to the application
``create_app`` builds, with its store, its token check and its error shapes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from pydantic import BaseModel, Field

from armsflow.api import models
from armsflow.review import count_judgements, gold, judge, judgement, judgements, queue, withdraw
from armsflow.store import Store

Id = Annotated[str, Field(min_length=1, max_length=64)]


class JudgementRequest(BaseModel):
    """One judgement: who, why, what, on which records or events."""

    action: Literal["accept", "reject", "correct", "swap", "merge", "split"] = Field(
        description="accept/reject: right/wrong; correct: set fields; swap: supplier and recipient; "
        "merge: the records are one (the first is kept); split: these events form a record of their own"
    )
    ids: list[Id] = Field(min_length=1, max_length=100, description="record or event ids (merge: records; split: one)")
    by: str = Field(min_length=1, max_length=200, description="who judges")
    why: str | None = Field(None, max_length=2000, description="the reason, kept with the judgement")
    changes: dict[str, str | int | None] | None = Field(
        None,
        description="correct: field → value (supplier, recipient, item, designation, status, quantity; "
        "imposer, target, status for sanctions); null or 'none' clears designation or quantity",
    )
    events: list[Id] = Field(default_factory=list, max_length=1000, description="split: the events that move")


class UndoRequest(BaseModel):
    by: str = Field(min_length=1, max_length=200, description="who withdraws the judgement")


def add_routes(
    app: FastAPI,
    store: Callable[[], Store],
    authorised: Callable[..., None],
    errors: Callable[..., dict[int | str, dict[str, Any]]],
    paged: Callable[[Request, list[dict[str, Any]], int, int, int], dict[str, Any]],
) -> None:
    """The review routes of ``app`` (``store`` gives the thread's connection, ``authorised`` checks the token,
    ``paged`` answers a list as every list of the API: ``total``, ``limit``, ``offset``, ``next``, ``previous``)."""

    @app.post(
        "/api/judgements",
        tags=["review"],
        dependencies=[Depends(authorised)],
        responses=errors(400, 401, 413, 422, 503),
        response_model=models.Judgement,
        response_model_exclude_unset=True,
    )
    def make_judgement(body: JudgementRequest) -> dict[str, Any]:
        """Judge records or events; answers the judgement with the records its events now form."""
        return judge(
            store(),
            body.action,
            body.ids,
            by=body.by,
            why=body.why,
            changes=dict(body.changes or {}),
            events=body.events,
        )

    @app.post(
        "/api/judgements/{judgement_id}/undo",
        tags=["review"],
        dependencies=[Depends(authorised)],
        responses=errors(400, 401, 413, 422, 503),
        response_model=models.Judgement,
        response_model_exclude_unset=True,
    )
    def undo_judgement(judgement_id: str, body: UndoRequest) -> dict[str, Any]:
        """Withdraw a judgement: it stays on file, marked withdrawn, and applies no more."""
        return withdraw(store(), judgement_id, by=body.by)

    @app.get(
        "/api/judgements",
        tags=["review"],
        responses=errors(422, 503),
        response_model=models.JudgementPage,
        response_model_exclude_unset=True,
    )
    def list_judgements(
        request: Request,
        record: Annotated[str | None, Query(max_length=64, description="on this record's events")] = None,
        event: Annotated[str | None, Query(max_length=64, description="on this event")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> dict[str, Any]:
        """Judgements, newest first (withdrawn ones included, with who withdrew them and when)."""
        items = judgements(store(), record=record, event=event, limit=limit, offset=offset)
        return paged(request, items, count_judgements(store(), record=record, event=event), limit, offset)

    @app.get(
        "/api/judgements/{judgement_id}",
        tags=["review"],
        responses=errors(404, 422, 503),
        response_model=models.Judgement,
        response_model_exclude_unset=True,
    )
    def one_judgement(judgement_id: str) -> dict[str, Any]:
        found = judgement(store(), judgement_id)
        if found is None:
            raise HTTPException(404, f"no judgement {judgement_id!r}")
        return found

    @app.get(
        "/api/review/queue",
        tags=["review"],
        responses=errors(400, 422, 503),
        response_model=models.QueuePage,
        response_model_exclude_unset=True,
    )
    def review_queue(
        request: Request,
        type_: Annotated[Literal["transfer", "sanction"] | None, Query(alias="type")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 20,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> dict[str, Any]:
        """Records with unjudged events, the most in need of a human first (``need``, with ``why``)."""
        total, items = queue(store(), type_, limit, offset)
        return paged(request, items, total, limit, offset)

    @app.get(
        "/api/review/export",
        tags=["review"],
        responses=errors(400, 422, 503),
        response_model=models.GoldExport,
        response_model_exclude_unset=True,
    )
    def review_export(
        unjudged: Annotated[Literal["optional", "keep", "omit"], Query()] = "optional",
        with_documents: Annotated[bool, Query(description="also the documents (contract's docs format)")] = False,
    ) -> dict[str, Any]:
        """Documents with judged events as gold lines in the evaluation contract's format."""
        pairs = list(gold(store(), unjudged))
        out: dict[str, Any] = {"total": len(pairs), "gold": [line for _, line in pairs]}
        if with_documents:
            out["documents"] = [doc for doc, _ in pairs]
        return out
