"""Schema-driven fuzzing of the API: schemathesis turns the OpenAPI description into request
generators (valid and invalid parameters, bodies, path ids) and hypothesis runs them; no request
may end in a server error, and every answer is JSON."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armsflow.api import create_app
from armsflow.cli import sample_path
from armsflow.ingest.files import iter_inputs
from armsflow.load import ingest
from armsflow.store import Store


def test_no_request_ends_in_a_server_error(tmp_path):
    db = str(tmp_path / "kb.db")
    with Store(db) as store:
        ingest(store, iter_inputs([str(sample_path())]), report=lambda m: None)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=""))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    seen: set[str] = set()

    @given(st.data())
    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(data):
        operation = data.draw(st.sampled_from(operations))
        case = data.draw(operation.as_strategy())
        response = case.call()
        seen.add(operation.label)
        assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
        kind = response.headers.get("content-type") or [""]
        assert (kind[0] if isinstance(kind, list) else kind).startswith("application/json")

    run()
    assert len(seen) == len(operations)  # every endpoint was exercised
