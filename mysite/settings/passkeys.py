"""The passkeys' relying party, derived from the admin's address."""

from urllib.parse import urlsplit


def webauthn_relying_party(base_url):
    """The passkeys' relying party id and allowed origins for the admin at base_url.

    A passkey is bound to a host name: one registered on campaigns.example.org
    works there only. Browsers take no IP address as that name, so a loopback
    address (the development default) becomes localhost: open the admin at
    http://localhost:PORT to use passkeys on a developer's machine.
    """
    parts = urlsplit(base_url)
    host = parts.hostname or "localhost"
    if host in ("127.0.0.1", "::1"):
        host = "localhost"
    port = f":{parts.port}" if parts.port else ""
    return host, [f"{parts.scheme}://{host}{port}"]
