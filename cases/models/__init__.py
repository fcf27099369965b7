from .articles import ArticleIndexPage, CityPortraitPage, PositionCase, PositionPage
from .case import (
    CaseDocument,
    CaseIndexPage,
    CaseInspiration,
    CaseStudyPage,
    CaseTag,
    EvidenceLevel,
    RelatedCase,
)
from .collections import SpotlightFeaturedCase, SpotlightPage, SpotlightSectionCase, SpotlightSectionPage
from .contributions import CaseContribution
from .documents import DocumentKind, DocumentText

__all__ = [
    "ArticleIndexPage",
    "CaseContribution",
    "CaseDocument",
    "CaseIndexPage",
    "CaseInspiration",
    "CaseStudyPage",
    "CaseTag",
    "CityPortraitPage",
    "DocumentKind",
    "DocumentText",
    "EvidenceLevel",
    "PositionCase",
    "PositionPage",
    "RelatedCase",
    "SpotlightFeaturedCase",
    "SpotlightPage",
    "SpotlightSectionCase",
    "SpotlightSectionPage",
]
