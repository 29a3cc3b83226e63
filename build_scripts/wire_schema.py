"""Write the wire contract the web UI's types are generated from.

    python build_scripts/wire_schema.py        (or: make wire)

``webui/src/net/wire.schema.json`` is the JSON Schema of every WebSocket message both ways,
made from the Python definitions in ``server/messages.py``, plus the constants the web UI
shares with the server (languages, close codes, default limits) under ``x-pairpad``. The web
UI's build turns it into TypeScript (``webui/scripts/wire-types.mjs``); other clients can
read it as it is. ``tests/test_wire_schema.py`` fails when this file is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "webui" / "src" / "net" / "wire.schema.json"


def constants() -> dict[str, Any]:
    from server.languages import LANGUAGES
    from server.messages import CloseCode
    from server.settings import Settings

    defaults = Settings.model_fields
    return {
        "languages": [
            {"id": language.id, "name": language.name, "fileExtension": language.file_extension}
            for language in LANGUAGES
        ],
        "defaultLanguage": defaults["default_language"].default,
        "closeCodes": {code.name: int(code) for code in CloseCode},
        # The name and title rules the home page and the name prompt check before sending.
        "maxUsernameChars": defaults["max_username_chars"].default,
        "maxTitleChars": defaults["max_title_chars"].default,
        # What a page assumes until the server's session-state says otherwise.
        "defaultLimits": {
            "maxMessageBytes": defaults["max_message_bytes"].default,
            "maxCodeChars": defaults["max_code_chars"].default,
            "maxDocumentBytes": defaults["max_document_bytes"].default,
            "maxOutputChars": defaults["max_output_chars"].default,
            "maxChatChars": defaults["max_chat_chars"].default,
            "maxStdinChars": defaults["max_stdin_chars"].default,
            "runTimeoutMs": int(defaults["run_timeout_seconds"].default * 1000),
            "pasteNoticeChars": defaults["paste_notice_chars"].default,
            "focusNoticeMs": int(defaults["focus_notice_seconds"].default * 1000),
        },
    }


def render() -> str:
    from server.messages import wire_schema

    schema = {**wire_schema(), "x-pairpad": constants()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    SCHEMA_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
