"""Every QML file passes `pyside6-qmllint --max-warnings 0`, with the Kiosk singletons' types
generated from their metaobjects (tests/qmllint.py)."""

from __future__ import annotations

import pytest

from tests import qmllint


@pytest.mark.slow
def test_all_qml_passes_qmllint(capfd: pytest.CaptureFixture[str]) -> None:
    code = qmllint.main()
    out, err = capfd.readouterr()
    assert code == 0, out + err
