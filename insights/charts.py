"""The insights charts: the practices a search finds, counted by theme, goal, region,
start year, evidence level and collection.

The counts come from the search itself (search/service.py), asked for no result rows
and for its year counts: one OpenSearch request, and the very numbers the search's
facets show for the same filters, each value's count ignoring the visitor's choice
within that facet. The database fallback counts nothing: the page then says so.
"""

from dataclasses import dataclass, replace
from math import ceil

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cases.models import EvidenceLevel
from cases.search_documents import CaseDocument
from search import service
from searchweb.page_context import chips
from taxonomy.cache import terms_by_key
from taxonomy.models import SustainableDevelopmentGoal

# Practices are the case studies: every count and every link is scoped to them.
PRACTICES = CaseDocument.type
# Every filter of the search page but the type, which the scope fixes, and the
# evidence level that cases bring.
INSIGHT_FACETS = [*(facet for facet in service.FACETS if facet.parameter != "type"), *CaseDocument.facets]
# A label longer than this is cut in the drawing (it would run out of a phone's width);
# the link's name, its tooltip and the data table carry it whole.
LABEL_ROOM = 42
# Year columns are labelled every few years, so that the labels never touch at 375 px.
YEAR_LABELS_AT_MOST = 8
YEAR_LABEL_STEPS = (1, 2, 5, 10, 20, 50)
# A bar chart's rows (a label line over its bar), in pixels; its longest bar spans
# this percentage of the width, leaving room for the count after it.
ROW_HEIGHT = 44
# Above a bar chart's rows, its axis titles: the values' on the left, the counts' on the right.
AXIS_ROOM = 24
BAR_ROOM = 85
# The year columns' drawing area, in pixels, under the title of the count axis.
COLUMN_TOP = 28
COLUMN_HEIGHT = 160


@dataclass(frozen=True)
class Chart:
    key: str
    title: Promise
    # The column heading of the chart's values in the data table and the CSV: the
    # label of its value axis.
    heading: Promise
    # An ordinal chart's values in their natural order (lowest first); the others are
    # by count.
    order: tuple = ()

    @property
    def by_year(self):
        return self.key == "year"


CHARTS = [
    Chart("theme", _("Practices by theme"), _("Theme")),
    Chart("sdg", _("Practices by Sustainable Development Goal"), _("Sustainable Development Goal")),
    Chart("region", _("Practices by region"), _("Region")),
    Chart("year", _("Practices by start year"), _("Start year")),
    Chart("evidence", _("Practices by evidence level"), _("Evidence level"), order=tuple(EvidenceLevel.values)),
    Chart("spotlight", _("Practices by collection"), _("Collection")),
]
CHARTS_BY_KEY = {chart.key: chart for chart in CHARTS}


def counted_search(request):
    """(search request, results, problems) of the filters in the query string, as the
    search page reads them: a filter it does not know is dropped and named."""
    search, problems = service.read(
        request.GET, ui_language=get_language(), strict=False, scope={"type": PRACTICES}, facets=INSIGHT_FACETS
    )
    search = replace(search, page=1, page_size=0, year_counts=True)
    return search, service.search(search), problems


def search_url(request, **narrowed):
    """The search page listing the practices of these filters, with some replaced."""
    params = request.GET.copy()
    for name in ("page", "page_size", "format", "chart"):
        params.pop(name, None)
    params.setlist("type", [PRACTICES])
    for name, value in narrowed.items():
        params.setlist(name, [str(value)])
    return f"{reverse('search:search')}?{params.urlencode()}"


def bars(request, chart, results):
    """The bars of one chart: label, count and the search they lead to; by count, or
    for years every year from the first to the last, empty ones too."""
    if chart.by_year:
        return [
            {
                "label": str(year["value"]),
                "count": year["count"],
                "url": search_url(request, year_from=year["value"], year_to=year["value"]),
            }
            for year in results.years
        ]
    values = sorted(
        (value for value in results.facets.get(chart.key, []) if value["count"]),
        key=lambda value: (-value["count"], value["label"]),
    )
    if chart.order:
        values.sort(key=lambda value: chart.order.index(value["value"]) if value["value"] in chart.order else 0)
    goals = terms_by_key(SustainableDevelopmentGoal, "number") if chart.key == "sdg" else {}
    return [
        {
            "label": value["label"],
            "count": value["count"],
            "selected": value["selected"],
            "colour": goals[value["value"]].colour if value["value"] in goals else None,
            "url": search_url(request, **{chart.key: value["value"]}),
        }
        for value in values
    ]


def drawn(chart, chart_bars):
    """Where each bar sits in the drawing, in percent of the chart's width (the text
    keeps its size at any width) and pixels of its height."""
    most = max((bar["count"] for bar in chart_bars), default=0) or 1
    if chart.by_year:
        width = 100 / max(len(chart_bars), 1)
        step = year_label_step(len(chart_bars))
        for number, bar in enumerate(chart_bars):
            bar["x"] = round(number * width + width * 0.1, 3)
            bar["width"] = round(width * 0.8, 3)
            bar["middle"] = round(number * width + width / 2, 3)
            bar["height"] = round(COLUMN_HEIGHT * bar["count"] / most, 1)
            bar["y"] = round(COLUMN_TOP + COLUMN_HEIGHT - bar["height"], 1)
            bar["labelled"] = int(bar["label"]) % step == 0
        axis = COLUMN_TOP + COLUMN_HEIGHT
        # Under the axis, the year labels, then the axis title; the tallest column's
        # count on a grid line across the top.
        return {"axis": axis, "ticks_y": axis + 18, "height": axis + 40, "most": most, "most_y": COLUMN_TOP}
    for number, bar in enumerate(chart_bars):
        top = AXIS_ROOM + number * ROW_HEIGHT
        bar["short_label"] = bar["label"] if len(bar["label"]) <= LABEL_ROOM else bar["label"][: LABEL_ROOM - 1] + "…"
        bar["label_y"] = top + 15
        bar["y"] = top + 21
        # The longest bar leaves room for its count after it.
        bar["width"] = round(BAR_ROOM * bar["count"] / most, 3)
        bar["count_x"] = round(bar["width"] + 1.5, 3)
        bar["count_y"] = top + 33
    return {"height": AXIS_ROOM + max(len(chart_bars), 1) * ROW_HEIGHT, "axis_y": AXIS_ROOM - 8}


def year_label_step(years):
    """Label every year, or every 2nd, 5th, 10th... so that few labels show."""
    return next((step for step in YEAR_LABEL_STEPS if ceil(years / step) <= YEAR_LABELS_AT_MOST), YEAR_LABEL_STEPS[-1])


def insights_context(request):
    search, results, problems = counted_search(request)
    charts = []
    if results.engine != "database":
        for chart in CHARTS:
            chart_bars = bars(request, chart, results)
            charts.append({"chart": chart, "bars": chart_bars, "drawing": drawn(chart, chart_bars)})
    return {
        "search": search,
        "kept_filters": [
            (name, value)
            for name, values in request.GET.lists()
            if name not in ("q", "page", "page_size", "format", "chart")
            for value in values
        ],
        "results": results,
        "charts": charts,
        "chips": chips(request, search, results),
        "problems": problems,
        "search_url": search_url(request),
    }
