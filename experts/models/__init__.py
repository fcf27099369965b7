from .member_settings import MemberSettings
from .messaging import Block, Conversation, ExpertInvitation, Message, MessageReport
from .profile import Availability, ExpertDirectoryPage, ExpertiseTag, ExpertProfilePage, ProfileType

__all__ = [
    "Availability",
    "Block",
    "Conversation",
    "ExpertDirectoryPage",
    "ExpertInvitation",
    "ExpertProfilePage",
    "ExpertiseTag",
    "MemberSettings",
    "Message",
    "MessageReport",
    "ProfileType",
]
