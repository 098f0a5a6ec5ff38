"""The one error type the deploy raises for bad input or an unrecognised server."""

from pyinfra.api.exceptions import PyinfraError


class HardeningError(PyinfraError):
    """A setting or a server file that the deploy refuses to work with.

    The message is one line that names the setting or the file, what was found and what
    would be right. It subclasses pyinfra's own error so that the CLI prints that line
    instead of a traceback.
    """
