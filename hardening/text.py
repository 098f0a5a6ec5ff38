"""Line handling shared by the editors: keep every untouched byte, endings included."""


def newline_of(text: str) -> str:
    """Return the line ending a file mostly uses ("\\r\\n" or "\\n")."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def split_lines(text: str) -> list[str]:
    """Split into lines that keep their own endings, so joining them gives the text back."""
    return text.splitlines(keepends=True)


def body(line: str) -> str:
    """A line without its ending."""
    return line.rstrip("\r\n")


def ending(line: str) -> str:
    """The ending of a line ("" for a last line without one)."""
    return line[len(body(line)) :]


def indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]
