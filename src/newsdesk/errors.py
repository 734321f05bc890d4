"""The one exception type a user of newsdesk needs to catch.

Every problem with an input (empty, binary, too large, unreachable, not an article) is an
:class:`InputError` whose message is a single line a person can act on; the CLI prints it
as ``newsdesk: INPUT: reason`` and goes on with the next input.
"""


class InputError(Exception):
    """An input that newsdesk cannot turn into an article, with a one-line reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(reason.split()))

    @property
    def reason(self) -> str:
        return str(self)
