"""Domain errors of the portal layer: a short human message for residents, a detail for logs."""

from __future__ import annotations

from kiosk.i18n import N_, _


class PortalError(Exception):
    """Base of every portal failure. `message` is an English msgid; `human()` translates it.

    `detail` is for the log only: it may name URLs and HTTP statuses but never personal data.
    """

    # TRANSLATORS: shown and spoken when a city service fails in a way we cannot describe better.
    message = N_("Something went wrong with the city's service. Please try again later.")

    def __init__(self, detail: str = "", *, status: int | None = None) -> None:
        super().__init__(detail or self.message)
        self.detail = detail
        self.status = status

    def human(self) -> str:
        """The message in the current language, for the screen and the voice."""
        return _(self.message)


class PortalUnavailable(PortalError):
    """The portal cannot be reached or answered with a server error (network, reset, 5xx)."""

    # TRANSLATORS: the city's server cannot be reached; nothing the resident did is lost.
    message = N_("The city's service is not answering right now. Please try again later.")


class PortalTimeout(PortalUnavailable):
    """The portal accepted the connection but did not answer in time."""

    # TRANSLATORS: the city's server is too slow; shown instead of waiting forever.
    message = N_("The city's service is taking too long to answer. Please try again later.")


class PortalRejected(PortalError):
    """The portal refused the request (4xx): the server's reason is in `detail`."""

    # TRANSLATORS: the city's server refused a request; staff can read the reason in the log.
    message = N_("The city's service did not accept this. Please ask a member of staff for help.")


class AccessDenied(PortalRejected):
    """403: a wrong or missing API key, or the kiosk is not allowed."""

    # TRANSLATORS: the kiosk's key was refused; only staff can fix the set-up.
    message = N_(
        "This kiosk is not allowed to use the city's service. Please tell a member of staff."
    )


class NotFound(PortalRejected):
    """404: an unknown service code, request id, token or dataset."""

    # TRANSLATORS: a report number, category or data set the city's service does not know.
    message = N_("The city's service does not know this. Please check the number and try again.")


class PortalReplyInvalid(PortalError):
    """The reply cannot be used: garbage, truncated, wrong type, or missing what matters."""

    # TRANSLATORS: the city's server answered with something the kiosk cannot read.
    message = N_("The city's service sent an answer the kiosk cannot read. Please try again later.")


class ReplyTooLarge(PortalReplyInvalid):
    """The reply exceeded the configured size limit and was cut off while streaming."""
