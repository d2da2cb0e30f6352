"""Pages run a bounded number of queries. The counts include the test-only savepoint
and the RLS setting saved and restored around each request (tests run inside a
transaction); in production a request pays one set_config."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import user_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name, limit", [
    ("profile", 8), ("onboarding_units", 8), ("equipment:list", 9), ("equipment:onboarding", 9),
])
def test_page_query_count(user_client, user, name, limit):
    user_data(user)
    with CaptureQueriesContext(connection) as queries:
        assert user_client.get(reverse(name)).status_code == 200
    assert len(queries) <= limit, [q["sql"] for q in queries.captured_queries]


def test_login_page_query_count(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("login"))
    assert response.status_code == 200 and "<h1>Log in</h1>" in response.content.decode()
    assert len(queries) <= 4, [q["sql"] for q in queries.captured_queries]
