"""The client's address behind our own reverse proxies.

Each proxy appends the address it received the request from to `X-Forwarded-For`,
so with N trusted proxies the N-th entry from the right is the client as the
outermost proxy saw it; anything further left was written by the client and may be
forged. With no trusted proxy (the default) the header is ignored. The address
replaces `REMOTE_ADDR`, so allauth's rate limits, throttles and logs all key on the
same client.
"""

import ipaddress

from django.conf import settings


def forwarded_client(forwarded_for, trusted_proxies):
    """The client address in an `X-Forwarded-For` value, or None when the header is
    shorter than the chain of trusted proxies (a request that did not come through
    them all) or the entry is not an IP address."""
    entries = [entry.strip() for entry in forwarded_for.split(",")]
    if len(entries) < trusted_proxies:
        return None
    try:
        return str(ipaddress.ip_address(entries[-trusted_proxies]))
    except ValueError:
        return None


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if trusted_proxies := settings.TRUSTED_PROXY_COUNT:
            client = forwarded_client(request.headers.get("X-Forwarded-For", ""), trusted_proxies)
            # Without a usable entry, the nearest peer is the only address nobody could forge.
            if client:
                request.META["REMOTE_ADDR"] = client
        return self.get_response(request)
