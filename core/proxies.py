"""The client's address behind our own reverse proxies.

`X-Forwarded-For` is read only when the peer that connected to the app server is one
of `TRUSTED_PROXIES` (addresses, networks, or `unix` for a peer on the app server's
Unix socket): anyone else could write the header themselves. Each proxy appends the
address it received the request from, so the chain is walked from the right, past
every trusted proxy; the first address that is not one of ours is the client. With
no trusted proxy (the default) the header is ignored. The address replaces
`REMOTE_ADDR`, so allauth's rate limits, throttles and logs all key on the same client.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The peer of a connection on a Unix socket has no address: gunicorn leaves
# REMOTE_ADDR empty. Only what may open the socket (nginx) reaches the app that way.
UNIX_SOCKET = "unix"


class TrustedProxies:
    def __init__(self, entries):
        self.unix_socket = UNIX_SOCKET in entries
        try:
            self.networks = [ipaddress.ip_network(entry, strict=False) for entry in entries if entry != UNIX_SOCKET]
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES takes IP addresses, networks (10.0.0.0/8) or `unix`: {error}"
            ) from error

    def __bool__(self):
        return self.unix_socket or bool(self.networks)

    def trust(self, address):
        """Whether a peer at this address (REMOTE_ADDR or an entry of the chain) is ours."""
        if address == "":
            return self.unix_socket
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def client(self, peer, forwarded_for):
        """The client's address: the peer itself unless it is a trusted proxy; then the
        right-most entry of the chain that is not a trusted proxy. An entry that is not
        an address stops the walk at the last proxy that wrote one (a proxy writes
        addresses; anything else came from a client), as does the chain's end."""
        if not self.trust(peer):
            return peer
        client = peer
        for entry in reversed(forwarded_for.split(",")):
            try:
                client = str(ipaddress.ip_address(entry.strip()))
            except ValueError:
                break
            if not self.trust(client):
                break
        return client


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Read once, when the app server loads the middleware: a wrong entry stops it
        # from starting instead of trusting nobody (or everybody) in silence.
        self.proxies = TrustedProxies(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        if self.proxies:
            request.META["REMOTE_ADDR"] = self.proxies.client(
                request.META.get("REMOTE_ADDR", ""), request.headers.get("X-Forwarded-For", "")
            )
        return self.get_response(request)
