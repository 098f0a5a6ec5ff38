"""The one error type the deploy raises for bad input or an unrecognised server."""

from pyinfra.api.exceptions import PyinfraError
from pyinfra_cli.exceptions import CliError


class HardeningError(CliError, PyinfraError):
    """A setting or a server file that the deploy refuses to work with.

    The message is one line that names the setting or the file, what was found and what
    would be right. As a CliError, pyinfra's command line prints exactly that line
    ("--> pyinfra error: ...", exit status 1), not a traceback or the line of our code that
    raised it; as a PyinfraError, code using pyinfra's API can catch it like pyinfra's own.
    """
