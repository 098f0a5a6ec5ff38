"""The benchmark's pure parts: medians, reading pyinfra's output, the summary line, and the
benchmark inventory's host data."""

from pathlib import Path

import pytest

from bench import hosts
from bench.run import (
    BenchError,
    Row,
    Totals,
    count_remote_commands,
    format_last_line,
    format_table,
    median,
    parse_totals,
)

ROOT = Path(__file__).resolve().parent.parent.parent

# Trimmed from a real `pyinfra -y --debug` first deploy on one test host: one fact, an
# upload, the install command (whose text spans two lines), and a restart.
DEBUG_OUTPUT = """\
--> Connecting to hosts...
    [pyinfra.connectors.ssh] Connecting to: 10.213.11.2 ({'port': 22})
    [pyinfra.api.facts] Getting fact: hardening.remote.ServerFiles (look=(), read=())
    [pyinfra.connectors.ssh] Running command on 10.213.11.2: (pty=False) sh -c 'jh_look() {
  printf "Running command on x" ; }'
    [pyinfra.api.facts] [10.213.11.2] Loaded fact hardening.remote.ServerFiles
    [pyinfra.api.operations] Starting operation ['Secure domain'] on 10.213.11.2
    [pyinfra.connectors.ssh] Attempting upload of <_io.BytesIO object at 0x7f> to /etc/a.tmp
    [pyinfra.connectors.ssh] Using SFTP for file transfer
    [pyinfra.connectors.ssh] Running command on 10.213.11.2: (pty=False) sh -c 'mv -f a.tmp a'
    [pyinfra.connectors.ssh] Waiting for exit status...
    [pyinfra.connectors.ssh] Command exit status: 0
\x1b[32m    [pyinfra.connectors.ssh] Running command on 10.213.11.2: (pty=False) true\x1b[0m
--> Results:
"""

NOOP_RESULTS = """\
--> Results:
    Operation                                  Hosts   Success   Error   No Change
    Secure domain | Prosody: require a login   2       -         -       2
    Secure domain | Jicofo: open rooms         2       -         -       2
    Grand total                                4       -         -       4

--> Disconnecting from hosts...
"""


def test_median_of_an_odd_count_is_the_middle_sample():
    assert median([0.9, 0.5, 0.7]) == 0.7


def test_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5


def test_median_of_no_samples_is_an_error():
    with pytest.raises(ValueError):
        median([])


def test_commands_and_uploads_are_counted_once_each():
    assert count_remote_commands(DEBUG_OUTPUT) == 4


def test_output_without_debug_lines_counts_no_command():
    assert count_remote_commands(NOOP_RESULTS) == 0


def test_totals_read_dashes_as_zero():
    assert parse_totals(NOOP_RESULTS) == Totals(operations=4, changed=0, failed=0, unchanged=4)


def test_totals_count_changes_and_failures():
    output = "    Grand total   5   3   1   1\n"
    assert parse_totals(output) == Totals(operations=5, changed=3, failed=1, unchanged=1)


def test_output_without_totals_is_an_error():
    with pytest.raises(BenchError, match="Grand total"):
        parse_totals("--> Loading config...\n")


def test_last_line_has_two_decimals_and_the_ratio_of_unrounded_times():
    assert format_last_line(0.456, 0.372, 1) == (
        "no-op re-run: 0.46 s = 1.23x floor, 1 remote commands"
    )


def test_table_aligns_columns_and_shows_the_ratio_only_where_a_floor_is_given():
    table = format_table(
        [
            Row("floor: exec -- true", 2, [0.5, 0.4, 0.6], note="2 hosts at once on 2 CPU cores"),
            Row("no-op re-run", 2, [0.6, 0.8, 0.7], floor=0.5, commands=1),
        ]
    )
    assert table.splitlines() == [
        "run                  hosts  median     min     max  vs floor  commands",
        "floor: exec -- true      2  0.50 s  0.40 s  0.60 s                      "
        "2 hosts at once on 2 CPU cores",
        "no-op re-run             2  0.70 s  0.60 s  0.80 s     1.40x         1",
    ]


def test_host_names_come_in_order_without_blanks():
    assert hosts.host_names(" jh11, ,jh12,") == ["jh11", "jh12"]


def test_no_host_names_is_an_error_that_names_the_variable():
    with pytest.raises(ValueError, match="BENCH_HOSTS"):
        hosts.host_names(None)
