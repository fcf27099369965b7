import csv

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from searchweb.exports import csv_cell

from .charts import CHARTS, CHARTS_BY_KEY, bars, counted_search, insights_context

FILENAME = "cities-exchange-insights"


@require_safe
def insights(request):
    """The charts of the practices a search finds, or one chart's figures as CSV
    (`?format=csv&chart=theme`)."""
    if request.GET.get("format") == "csv":
        return chart_csv(request)
    return render(request, "insights/insights.html", insights_context(request))


def chart_csv(request):
    """One chart's figures, labels in the page's language, for a spreadsheet."""
    chart = CHARTS_BY_KEY.get(request.GET.get("chart", ""))
    if chart is None:
        known = ", ".join(chart.key for chart in CHARTS)
        return HttpResponseBadRequest(
            _("Unknown chart: choose one of %(charts)s.") % {"charts": known}, content_type="text/plain; charset=utf-8"
        )
    _search, results, _problems = counted_search(request)
    if results.engine == "database":
        # Counting needs the search engine: say so rather than hand over an empty file.
        return HttpResponse(
            _("The charts are unavailable while the search engine is. Please try again later."),
            status=503,
            content_type="text/plain; charset=utf-8",
            headers={"Retry-After": "60"},
        )
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{FILENAME}-{chart.key}.csv"'},
    )
    writer = csv.writer(response)
    writer.writerow([chart.heading, _("Practices")])
    for bar in bars(request, chart, results):
        writer.writerow([csv_cell(bar["label"]), bar["count"]])
    return response
