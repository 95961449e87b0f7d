"""One message over SMTP with the row recorded before the server can accept it.

The doubt a crash leaves is the time between "the server has accepted the
message" and "the delivery row says so". With a plain `sendmail` the server
accepts on the final CRLF.CRLF of DATA and answers 250; a worker killed
after that 250 and before its UPDATE commits leaves the row open, and the
resumed send mails the reader a second time.

Here the conversation is split so the commit falls *inside* DATA:

1. MAIL FROM, RCPT TO, DATA (354), then the whole message body except the
   final CRLF.CRLF that ends it;
2. `handed()` commits the row as "handed to the server";
3. the terminator CRLF.CRLF is written and the server's reply read.

A server discards a DATA that the connection drops before its terminator
(RFC 5321 section 4.1.1.4: no message is accepted without it), so:

- a crash before (2) commits leaves the row open and the server with
  nothing: the resumed send mails it once;
- a crash between the commit and the write of the terminator leaves a row
  marked handed over and a server with nothing: one reader skipped, never
  one twice. That window is one small socket write;
- a crash after the terminator is written leaves the server with the message
  and the row handed over: correct.

The bytes, headers and envelope are exactly what Django's SMTP backend would
send (`EmailBackend._send` then `smtplib.SMTP.sendmail`), so per-recipient
headers (List-Unsubscribe, Message-ID ...) are untouched.

Only for SMTP. An HTTP provider (django-anymail) takes a message in one API
call that is atomic from our side: there is no terminator to hold back, and
the engine sends through the backend as before.
"""

import smtplib
import socket

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address

CRLF = b"\r\n"
TERMINATOR = b"\r\n.\r\n"


class ReplyLost(smtplib.SMTPException):
    """The terminator went out but no reply came: the server may have it."""


def applies_to(connection):
    """True for Django's SMTP backend (and subclasses), not for HTTP providers."""
    return isinstance(connection, SMTPBackend)


def envelope_and_bytes(email_message):
    """What `EmailBackend._send` hands to `sendmail`, computed the same way."""
    encoding = email_message.encoding or settings.DEFAULT_CHARSET
    sender = sanitize_address(email_message.from_email, encoding)
    recipients = [
        sanitize_address(address, encoding) for address in email_message.recipients()
    ]
    return sender, recipients, email_message.message().as_bytes(linesep="\r\n")


def body_without_terminator(message):
    """The DATA payload, dot-stuffed as smtplib does, minus its final CRLF."""
    quoted = smtplib._quote_periods(message)  # noqa: SLF001 - smtplib's own rule
    return quoted.removesuffix(CRLF)


def _refused(smtp, code, reply, error, *args):
    """As smtplib does on a refusal: drop the connection on 421, else RSET."""
    if code == 421:  # noqa: PLR2004 - "service closing"
        smtp.close()
    else:
        smtp._rset()  # noqa: SLF001 - smtplib's own recovery
    raise error(code, reply, *args)


def _open_data(smtp, sender, recipients, message):
    """MAIL, RCPT and DATA up to the 354 that asks for the message."""
    smtp.ehlo_or_helo_if_needed()
    options = []
    if smtp.does_esmtp and smtp.has_extn("size"):
        options.append(f"size={len(message)}")
    code, reply = smtp.mail(sender, options)
    if code != 250:  # noqa: PLR2004
        _refused(smtp, code, reply, smtplib.SMTPSenderRefused, sender)
    refused = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
        if code == 421:  # noqa: PLR2004
            smtp.close()
            raise smtplib.SMTPRecipientsRefused(refused)
    if len(refused) == len(recipients):
        smtp._rset()  # noqa: SLF001
        raise smtplib.SMTPRecipientsRefused(refused)
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:  # noqa: PLR2004
        _refused(smtp, code, reply, smtplib.SMTPDataError)


def _no_delay(smtp):
    """Let the terminator's few bytes go out at once.

    With Nagle's algorithm on, a small write that follows unacknowledged data
    waits for the server's (delayed, up to 40 ms) ACK: one wait per message,
    as the body and the terminator are now two writes.
    """
    try:
        smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (AttributeError, OSError):
        pass  # not a TCP socket: nothing to turn off


def write_terminator(smtp):
    """The five bytes that make the server accept (or refuse) the message."""
    smtp.send(TERMINATOR)


def send(connection, email_message, handed):
    """Send one message; `handed()` commits the row before the terminator.

    Raises before `handed()` ran: nothing was accepted, the row is as it was.
    Raises SMTPDataError after it: the server refused the message (retry).
    Raises ReplyLost: the terminator went out, the reply did not come back;
    the server may have accepted it, so the row must stay handed over.
    """
    if not email_message.recipients():
        return False
    connection.open()
    smtp = connection.connection
    _no_delay(smtp)
    sender, recipients, message = envelope_and_bytes(email_message)
    _open_data(smtp, sender, recipients, message)
    try:
        smtp.send(body_without_terminator(message))
        handed()
        write_terminator(smtp)
    except BaseException:
        # Mid-DATA: never QUIT or RSET here (they would be read as message
        # text). Dropping the connection makes the server discard the DATA.
        smtp.close()
        raise
    try:
        code, reply = smtp.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as error:
        smtp.close()
        raise ReplyLost(str(type(error).__name__)) from error
    if code != 250:  # noqa: PLR2004
        _refused(smtp, code, reply, smtplib.SMTPDataError)
    return True
