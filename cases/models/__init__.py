from .articles import ArticleIndexPage, CityPortraitPage, PositionCase, PositionPage
from .case import (
    CaseDocument,
    CaseIndexPage,
    CaseStudyPage,
    CaseTag,
    EvidenceLevel,
    RelatedCase,
)
from .collections import SpotlightFeaturedCase, SpotlightPage, SpotlightSectionCase, SpotlightSectionPage
from .contributions import CaseContribution
from .documents import DocumentKind, DocumentText
from .outcomes import FollowUp, OutcomeIndicator
from .replications import Replication

__all__ = [
    "ArticleIndexPage",
    "CaseContribution",
    "CaseDocument",
    "CaseIndexPage",
    "CaseStudyPage",
    "CaseTag",
    "CityPortraitPage",
    "DocumentKind",
    "DocumentText",
    "EvidenceLevel",
    "FollowUp",
    "OutcomeIndicator",
    "PositionCase",
    "PositionPage",
    "RelatedCase",
    "Replication",
    "SpotlightFeaturedCase",
    "SpotlightPage",
    "SpotlightSectionCase",
    "SpotlightSectionPage",
]
