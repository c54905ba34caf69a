"""Lint every QML file with `pyside6-qmllint --max-warnings 0`.

The `Kiosk` module is made of Python objects, so qmllint cannot see it on its own: this writes
a qmltypes description of every registered bridge from its live QMetaObject into a temporary
import folder, so property and method accesses from QML are checked too.
Run as `python -m tests.qmllint` (the README's test command does).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMetaMethod, QMetaObject, QObject

ROOT = Path(__file__).resolve().parent.parent
QMLLINT = Path(sys.executable).parent / "pyside6-qmllint"

_TYPES = {
    "QString": "QString",
    "bool": "bool",
    "int": "int",
    "double": "double",
    "float": "double",
    "QVariantList": "QVariantList",
    "QVariantMap": "QVariantMap",
    "QVariant": "QVariant",
    "QStringList": "QStringList",
    "QObject*": "QObject",
}


def _type(name: str) -> str:
    return _TYPES.get(name, "QVariant")


def component(qml_name: str, meta: QMetaObject) -> str:
    lines = [
        "    Component {",
        f'        name: "{meta.className()}"',
        '        accessSemantics: "reference"',
        '        prototype: "QObject"',
        f'        exports: ["Kiosk/{qml_name} 1.0"]',
        "        isCreatable: false",
        "        isSingleton: true",
        "        exportMetaObjectRevisions: [256]",
    ]
    for i in range(meta.propertyOffset(), meta.propertyCount()):
        prop = meta.property(i)
        parts = [f'name: "{prop.name()}"', f'type: "{_type(prop.typeName())}"']
        if prop.hasNotifySignal():
            parts.append(f'notify: "{bytes(prop.notifySignal().name()).decode()}"')
        if not prop.isWritable():
            parts.append("isReadonly: true")
        lines.append("        Property { " + "; ".join(parts) + " }")
    for i in range(meta.methodOffset(), meta.methodCount()):
        method = meta.method(i)
        kind = "Signal" if method.methodType() == QMetaMethod.MethodType.Signal else "Method"
        if method.access() == QMetaMethod.Access.Private:
            continue
        name = bytes(method.name()).decode()
        ret = method.typeName()
        head = f'        {kind} {{ name: "{name}"'
        if kind == "Method" and ret and ret != "void":
            head += f'; type: "{_type(ret)}"'
        params = [
            f'Parameter {{ name: "{bytes(n).decode() or f"arg{j}"}"; '
            f'type: "{_type(bytes(t).decode())}" }}'
            for j, (n, t) in enumerate(
                zip(method.parameterNames(), method.parameterTypes(), strict=True)
            )
        ]
        lines.append(head)
        lines.extend("            " + param for param in params)
        lines.append("        }")
    lines.append("    }")
    return "\n".join(lines)


def _class(path: str) -> type[QObject]:
    module, _, name = path.rpartition(".")
    cls: type[QObject] = getattr(importlib.import_module(module), name)
    return cls


def write_module(folder: Path) -> None:
    from kiosk.bridges import SINGLETONS

    module = folder / "Kiosk"
    module.mkdir(parents=True)
    body = "\n".join(
        component(name, _class(path).staticMetaObject) for name, (_, path) in SINGLETONS.items()
    )
    (module / "Kiosk.qmltypes").write_text(
        "import QtQuick.tooling 1.2\nModule {\n" + body + "\n}\n", encoding="utf-8"
    )
    (module / "qmldir").write_text("module Kiosk\ntypeinfo Kiosk.qmltypes\n", encoding="utf-8")


def main() -> int:
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.qml"))
    with tempfile.TemporaryDirectory() as tmp:
        write_module(Path(tmp))
        result = subprocess.run(
            [str(QMLLINT), "--max-warnings", "0", "-I", tmp, "-I", str(ROOT / "ui"), *files],
            cwd=ROOT,
            check=False,
        )
    if result.returncode == 0:
        print(f"qmllint: {len(files)} QML files clean")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
