"""The request transaction of RowLevelSecurityMiddleware."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path

from plans.models import WorkoutPlan
from tests.factories import user_data

pytestmark = pytest.mark.django_db(transaction=True)


def write_then_fail(request):
    WorkoutPlan.objects.create(user=request.user, name="half-saved")
    raise RuntimeError("boom")


def write_then_500(request):
    WorkoutPlan.objects.create(user=request.user, name="half-saved")
    return HttpResponse("failed", status=503)


def lazy_template(request):
    # Rendered after the view returns: must still see the user's rows.
    from django.template import engines

    template = engines["django"].from_string("{% for p in plans %}{{ p.name }}{% endfor %}")
    return TemplateResponse(request, template, {"plans": WorkoutPlan.objects.all()})


urlpatterns = [
    path("fail/", write_then_fail),
    path("five-hundred/", write_then_500),
    path("lazy/", lazy_template),
]


@pytest.fixture
def client_(client, user):
    client.raise_request_exception = False
    client.force_login(user)
    return client


def _plans(user):
    from allworkouts.db import rls_user

    with rls_user(user.pk):
        return list(WorkoutPlan.objects.values_list("name", flat=True))


@pytest.mark.urls(__name__)
def test_an_exception_rolls_the_request_back(client_, user):
    assert client_.get("/fail/").status_code == 500
    assert _plans(user) == []


@pytest.mark.urls(__name__)
def test_a_5xx_response_rolls_the_request_back(client_, user):
    assert client_.get("/five-hundred/").status_code == 503
    assert _plans(user) == []


@pytest.mark.urls(__name__)
def test_lazy_responses_render_inside_the_transaction(client_, user):
    data = user_data(user)
    assert client_.get("/lazy/").content.decode() == data["workout_plan"].name


@pytest.mark.urls(__name__)
def test_the_user_is_set_before_any_user_data_is_read(client_, user):
    user_data(user)
    with CaptureQueriesContext(connection) as queries:
        client_.get("/lazy/")
    sqls = [q["sql"] for q in queries.captured_queries]
    set_config = next(i for i, sql in enumerate(sqls) if "set_config" in sql)
    first_plan_read = next(i for i, sql in enumerate(sqls) if "workout_plan" in sql)
    assert set_config < first_plan_read
    # Outside any request transaction, the setting is gone again.
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user_id()")
        assert cursor.fetchone()[0] is None
