from .member_settings import MemberSettings
from .profile import Availability, ExpertDirectoryPage, ExpertiseTag, ExpertProfilePage, ProfileType

__all__ = [
    "Availability",
    "ExpertDirectoryPage",
    "ExpertProfilePage",
    "ExpertiseTag",
    "MemberSettings",
    "ProfileType",
]
