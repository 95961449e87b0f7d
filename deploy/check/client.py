"""HTTPS requests through the front, verified against Caddy's local CA."""

import http.client
import ssl
import time
from dataclasses import dataclass, field


@dataclass
class Answer:
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""  # as it came over the wire (compressed when encoded)
    seconds: float = 0.0

    def header(self, name):
        return self.headers.get(name.lower(), "")


class FrontClient:
    """Requests to https://localhost:<port> as a browser would make them."""

    def __init__(self, port, ca_file):
        self.port = port
        self.context = ssl.create_default_context(cafile=str(ca_file))

    def request(self, method, path, body=None, headers=None, source=None):
        connection = http.client.HTTPSConnection(
            "localhost",
            self.port,
            context=self.context,
            timeout=20,
            source_address=(source, 0) if source else None,
        )
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            raw = response.read()
            return Answer(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                raw,
                time.monotonic() - started,
            )
        finally:
            connection.close()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


def plain_http(port, path, host="localhost"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        response.read()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()})
    finally:
        connection.close()
