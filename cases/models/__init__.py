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

__all__ = [
    "ArticleIndexPage",
    "CaseDocument",
    "CaseIndexPage",
    "CaseInspiration",
    "CaseStudyPage",
    "CaseTag",
    "CityPortraitPage",
    "EvidenceLevel",
    "PositionCase",
    "PositionPage",
    "RelatedCase",
    "SpotlightFeaturedCase",
    "SpotlightPage",
    "SpotlightSectionCase",
    "SpotlightSectionPage",
]
