"""Template helpers of the design system (docs/design.md)."""

from django import template

register = template.Library()

# The widest row a grid may have; fewer columns when the count asks for it.
MOST_COLUMNS = 4


def columns_for(count):
    """How many columns a row of `count` cards should have at most, so that the last
    row is never a lone orphan: 6 reads 3 + 3 (not 4 + 2), 2 fills a row of 2 (not
    half of a row of 4), 5 reads 3 + 2, 7 reads 4 + 3. Narrow screens still show fewer
    columns (the grid's auto-fit); this only caps the widest."""
    if count <= MOST_COLUMNS:
        return max(count, 1)
    # The column count that fills the last row best, the widest one on a tie.
    return max(range(2, MOST_COLUMNS + 1), key=lambda columns: ((count - 1) % columns, columns))


@register.filter
def grid_class(items):
    """The classes of a grid holding `items` (a list, a queryset or a count):
    `<ul class="{{ cases|grid_class }}">`."""
    count = items if isinstance(items, int) else len(items)
    return f"grid grid--max-{columns_for(count)}"
