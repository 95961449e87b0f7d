"""The live server of the passkey journey: as the browser tests' server,
with the second factor required, as in production, and passkeys bound to
its own address (served as http://localhost:PORT: browsers take no IP
address as a passkey's relying party)."""

from tests.browser.server_settings import *  # noqa: F403

ADMIN_REQUIRE_2FA = True
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = webauthn_relying_party(  # noqa: F405
    SERVER_URL  # noqa: F405
)
