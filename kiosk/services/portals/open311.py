"""Async GeoReport v2 client: discovery, services, definitions, reports, tokens and tracking."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, tzinfo
from urllib.parse import quote

import httpx

from kiosk.core.errors import NotFound, PortalRejected, PortalReplyInvalid
from kiosk.core.portal import (
    Discovery,
    NewRequest,
    PostResult,
    Service,
    ServiceDefinition,
    ServiceRequest,
)
from kiosk.services.portals import open311_parse as parse
from kiosk.services.portals.http import Reply, check_content_type, fetch, off_loop, raise_for_status
from kiosk.services.portals.open311_records import error_reply

log = logging.getLogger(__name__)


class Open311Client:
    """One GeoReport v2 endpoint. `base_url` is the endpoint under which services.json lives.

    The httpx client is built once by the composition root (see `http.build_client`) and may
    carry an ASGI transport for the embedded practice portal: this class does not care.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        *,
        fmt: str = "json",
        api_key: str = "",
        jurisdiction_id: str = "",
        locale: str = "",
        max_bytes: int = 20_000_000,
        deadline: float | None = 60.0,
        zone: tzinfo | None = None,
    ) -> None:
        if fmt not in ("json", "xml"):
            raise ValueError(f"format must be json or xml, not {fmt!r}")
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.fmt = fmt
        self.api_key = api_key
        self.jurisdiction_id = jurisdiction_id.strip()
        self.locale = locale
        self.max_bytes = max_bytes
        self.deadline = deadline  # seconds for a whole exchange (see HttpLimits.total)
        self.zone = zone or parse.local_zone()

    def _url(self, path: str) -> str:
        return f"{self.base_url}/{path}.{self.fmt}"

    def _params(self, locale: str | None = None, **extra: str) -> dict[str, str]:
        # jurisdiction_id is sent only when configured: some servers reject an empty one.
        params = {k: v for k, v in extra.items() if v}
        if self.jurisdiction_id:
            params["jurisdiction_id"] = self.jurisdiction_id
        language = self.locale if locale is None else locale
        if language:
            params["locale"] = language
        return params

    async def _get(self, path: str, params: dict[str, str] | None = None) -> Reply:
        reply = await fetch(
            self.client, "GET", self._url(path), params=params or self._params(),
            max_bytes=self.max_bytes, deadline=self.deadline, accept=_ACCEPT[self.fmt],
        )  # fmt: skip
        self._check(reply)
        return reply

    def _check(self, reply: Reply) -> None:
        if not reply.ok:
            raise_for_status(reply, parse.describe_error(reply.body, reply.content_type))
        check_content_type(reply, self.fmt)
        if said := error_reply(reply.body, self.fmt):
            raise PortalRejected(f"HTTP {reply.status} from {reply.url} but: {said}")

    async def discovery(self, url: str) -> Discovery:
        """Read a discovery document (its full URL, e.g. .../discovery.json)."""
        fmt = "xml" if url.split("?")[0].endswith(".xml") else "json"
        reply = await fetch(
            self.client, "GET", url, max_bytes=self.max_bytes, deadline=self.deadline
        )
        if not reply.ok:
            raise_for_status(reply, parse.describe_error(reply.body))
        check_content_type(reply, fmt)
        return parse.parse_discovery(reply.body, fmt)

    async def services(self, locale: str | None = None) -> list[Service]:
        """The services list, in `locale` (the resident's language) when the server has it."""
        reply = await self._get("services", self._params(locale))
        return await off_loop(parse.parse_services, reply.body, self.fmt)

    async def definition(self, service_code: str, locale: str | None = None) -> ServiceDefinition:
        reply = await self._get(f"services/{quote(service_code, safe='')}", self._params(locale))
        return parse.parse_definition(reply.body, self.fmt, service_code)

    async def submit(
        self, request: NewRequest, service_type: str = "", locale: str | None = None
    ) -> PostResult:
        """POST a report. A reply with neither id nor token raises PortalReplyInvalid unless
        the service is blackbox or the server says it queued the report (`pending` then).
        `locale` (the resident's language) overrides the client's own for this report."""
        form = request.form_fields(self.api_key, self.jurisdiction_id)
        language = self.locale if locale is None else locale
        if language:
            form.append(("locale", language))
        reply = await fetch(
            self.client, "POST", self._url("requests"), data=_form_dict(form),
            max_bytes=self.max_bytes, deadline=self.deadline, accept=_ACCEPT[self.fmt],
        )  # fmt: skip
        self._check(reply)
        result = parse.parse_post_reply(reply.body, self.fmt, reply.status, service_type)
        log.info(
            "report for service %s accepted: id=%r token=%r pending=%s",
            request.service_code, result.service_request_id, result.token, result.pending,
        )  # fmt: skip
        return result

    async def token(self, token: str) -> PostResult:
        """Look up a batch token; `service_request_id` stays empty while the server queues."""
        reply = await self._get(f"tokens/{quote(token, safe='')}")
        return parse.parse_token(reply.body, self.fmt)

    async def request(self, service_request_id: str, locale: str | None = None) -> ServiceRequest:
        """One request, its notes in `locale` (the resident's language) when the server can."""
        reply = await self._get(
            f"requests/{quote(service_request_id, safe='')}", self._params(locale)
        )
        found = parse.parse_requests(reply.body, self.fmt, self.zone)
        for item in found:
            if item.service_request_id == service_request_id:
                return item
        if len(found) == 1:  # some servers normalise ids (leading zeros, prefixes)
            return found[0]
        if not found:  # an empty list is how some servers say "no such request"
            raise NotFound(f"requests/{service_request_id}: empty list")
        raise PortalReplyInvalid(f"requests/{service_request_id}: {len(found)} other records")

    async def requests(
        self,
        ids: Sequence[str] = (),
        service_codes: Sequence[str] = (),
        start: datetime | None = None,
        end: datetime | None = None,
        status: str = "",
    ) -> list[ServiceRequest]:
        """A list of requests. Ids override every other filter, as the spec says."""
        if status not in ("", "open", "closed"):
            raise ValueError("status must be 'open' or 'closed'")
        if ids:
            params = self._params(service_request_id=",".join(ids))
        else:
            params = self._params(
                service_code=",".join(service_codes),
                start_date=start.isoformat(timespec="seconds") if start else "",
                end_date=end.isoformat(timespec="seconds") if end else "",
                status=status,
            )
        reply = await self._get("requests", params)
        return await off_loop(parse.parse_requests, reply.body, self.fmt, self.zone)


_ACCEPT = {
    "json": "application/json, text/plain;q=0.5, */*;q=0.1",
    "xml": "application/xml, text/xml, text/plain;q=0.5, */*;q=0.1",
}


def _form_dict(pairs: list[tuple[str, str]]) -> dict[str, str | list[str]]:
    """Ordered pairs → httpx form data; repeated keys (multivaluelist) become lists."""
    form: dict[str, str | list[str]] = {}
    for key, value in pairs:
        if key in form:
            previous = form[key]
            form[key] = [*(previous if isinstance(previous, list) else [previous]), value]
        elif key.endswith("[]"):
            form[key] = [value]
        else:
            form[key] = value
    return form
