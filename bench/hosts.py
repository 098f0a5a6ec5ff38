"""The benchmark's test hosts: their names from BENCH_HOSTS, and their data, which is the
end-to-end tests' (tests/testhost_data.py). Moderators' temporary passwords come from the
environment, which bench/run.py sets for the deploys it runs (see password_environment).
"""

from tests.testhost_data import address_of, host_data

__all__ = ["address_of", "host_data", "host_names"]


def host_names(value: str | None) -> list[str]:
    """The host names of a BENCH_HOSTS value ("jh11,jh12"), in order, blanks ignored."""
    names = [name.strip() for name in (value or "").split(",") if name.strip()]
    if not names:
        raise ValueError("BENCH_HOSTS names no host: set it to test host names, e.g. jh11,jh12")
    return names
