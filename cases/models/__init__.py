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
from .outcomes import FollowUp, OutcomeIndicator

__all__ = [
    "ArticleIndexPage",
    "CaseContribution",
    "CaseDocument",
    "CaseIndexPage",
    "CaseInspiration",
    "CaseStudyPage",
    "CaseTag",
    "CityPortraitPage",
    "EvidenceLevel",
    "FollowUp",
    "OutcomeIndicator",
    "PositionCase",
    "PositionPage",
    "RelatedCase",
    "SpotlightFeaturedCase",
    "SpotlightPage",
    "SpotlightSectionCase",
    "SpotlightSectionPage",
]
