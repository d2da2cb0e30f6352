from django.shortcuts import render
from django.views.decorators.http import require_GET

from records.selectors import records_by_exercise


@require_GET
def record_list(request):
    return render(request, "records/record_list.html", {"rows": records_by_exercise(user=request.user)})
