from .member_settings import MemberSettings
from .messaging import Block, Conversation, Message, MessageReport
from .profile import Availability, ExpertDirectoryPage, ExpertiseTag, ExpertProfilePage, ProfileType

__all__ = [
    "Availability",
    "Block",
    "Conversation",
    "ExpertDirectoryPage",
    "ExpertProfilePage",
    "ExpertiseTag",
    "MemberSettings",
    "Message",
    "MessageReport",
    "ProfileType",
]
