"""Search synonyms that editors manage (SynonymSet): how a set's terms are checked,
and the `synonym_graph` filter that puts every set into the index's search analyzers.

Applied at query time only, so a change needs no reindexing: the index's analysis
settings are rewritten in place (search.index.update_synonyms), and a rebuild reads
the sets afresh. `synonym_graph` because terms have several words ("food bank"):
https://opensearch.org/docs/latest/analyzers/token-filters/synonym-graph/
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from taxonomy.text import folded

FILTER_NAME = "editor_synonyms"
MAX_TERMS = 20
MAX_TERM_LENGTH = 80
MAX_TERM_WORDS = 6
# The synonym rule syntax gives these a meaning (separator, mapping, comment, escape).
RESERVED = re.compile(r"[,;=>#|\\\"]")


def checked_terms(text):
    """The distinct terms of a set, one per line, or a ValidationError naming each
    offending line."""
    problems, terms, seen = [], [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        term = " ".join(line.split())
        if not term:
            continue
        if RESERVED.search(term):
            problems.append(
                _('Line %(line)d ("%(term)s"): put each term on a line of its own, without , ; = > # | \\ or ".')
                % {"line": number, "term": term}
            )
        elif not re.search(r"\w", term):
            problems.append(_("Line %(line)d: a term needs at least one letter or digit.") % {"line": number})
        elif len(term) > MAX_TERM_LENGTH or len(term.split()) > MAX_TERM_WORDS:
            problems.append(
                _("Line %(line)d: a term has at most %(words)d words and %(characters)d characters.")
                % {"line": number, "words": MAX_TERM_WORDS, "characters": MAX_TERM_LENGTH}
            )
        elif folded(term) not in seen:
            seen.add(folded(term))
            terms.append(term)
    if not problems and len(terms) < 2:
        problems.append(_("A set needs at least two different terms."))
    if len(terms) > MAX_TERMS:
        problems.append(
            _("A set has at most %(most)d terms (this one has %(count)d): split it into narrower sets.")
            % {"most": MAX_TERMS, "count": len(terms)}
        )
    if problems:
        raise ValidationError({"terms": problems})
    return terms


def rules(term_sets):
    """Solr-style equivalence rules ("a, b, c"), each term also without its accents,
    as visitors type either."""
    lines = []
    for terms in term_sets:
        variants = dict.fromkeys(variant for term in terms for variant in (term.lower(), folded(term)))
        lines.append(", ".join(variants))
    return lines


def synonym_filter():
    """The filter as the index settings hold it, from the sets as they are now."""
    from .models import SynonymSet

    return {
        "type": "synonym_graph",
        "synonyms": rules(synonym_set.term_list() for synonym_set in SynonymSet.objects.all()),
        # A rule whose words an analyzer drops entirely (a stop word) is skipped, not fatal.
        "lenient": True,
    }
