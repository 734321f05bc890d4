"""Control characters that are text in no page: one definition for the read and clean stages.

Reading replaces them, its binary check counts them, and cleaning drops them from a page it is
given directly; each kept a copy of the class once, and the copies drifted apart.
"""

from __future__ import annotations

import re

# C0 control characters other than the white space tab, newline, form feed and carriage return:
# lxml turns each into U+FFFD or refuses the text, and none is typed by a writer.
C0_CONTROLS = r"\x00-\x08\x0b\x0e-\x1f"
CONTROL = re.compile(f"[{C0_CONTROLS}]")
