"""GeoReport v2 replies in JSON or XML, and Open311 error bodies, for the practice portal."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from starlette.responses import Response

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"


def reply(fmt: str, data: Any, root: str, item: str, status: int = 200) -> Response:
    """A list (`data` list: XML <root><item>…) or one object (`data` dict: XML <root>…)."""
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return Response(body, status_code=status, media_type=JSON_TYPE)
    top = ET.Element(root)
    if isinstance(data, list):
        for entry in data:
            _fill(ET.SubElement(top, item), entry)
    else:
        _fill(top, data)
    body = ET.tostring(top, encoding="utf-8", xml_declaration=True)
    return Response(body, status_code=status, media_type=XML_TYPE)


def _fill(element: ET.Element, data: Any) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, list):
                holder = ET.SubElement(element, key)
                singular = _SINGULAR.get(key, key.rstrip("s"))
                for entry in value:
                    _fill(ET.SubElement(holder, singular), entry)
            else:
                _fill(ET.SubElement(element, key), value)
    elif isinstance(data, bool):
        element.text = "true" if data else "false"
    elif data is not None:
        element.text = str(data)


_SINGULAR = {"attributes": "attribute", "values": "value", "endpoints": "endpoint",
             "formats": "format"}  # fmt: skip


def error(fmt: str, status: int, description: str) -> Response:
    """Open311 errors: `[{"code", "description"}]` or `<errors><error><code/><description/>`."""
    return reply(fmt, [{"code": status, "description": description}], "errors", "error", status)
