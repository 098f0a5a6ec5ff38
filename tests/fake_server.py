"""Run the deploy's tasks in-process against pyinfra's @fake connector.

The fake host answers the deploy's one read of the server with records made here from a
local directory (the same format the remote shell script prints), so a test can see which
operations the tasks plan and which commands they would run, without a server.
"""

from __future__ import annotations

import base64
import hashlib
import os

from pyinfra.api import Config, Inventory, State
from pyinfra.api.connect import connect_all
from pyinfra.api.deploy import add_deploy
from pyinfra.api.operations import run_ops

from hardening import remote


def records(root: str, paths: list[str], digests: tuple[str, ...] = ()) -> list[str]:
    """What the remote read prints for each path of a server copied under `root`; `digests`
    get the sha256 record, owned prosody:prosody with mode 400."""
    lines = []
    for path in digests:
        local = os.path.join(root, path.lstrip("/"))
        if os.path.isfile(local):
            with open(local, "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
            lines.append(f"digest\t{path}\tprosody:prosody:400\t{digest}")
        else:
            lines.append(f"missing\t{path}")
    for path in paths:
        local = os.path.join(root, path.lstrip("/"))
        if os.path.islink(local):
            lines.append(f"link\t{path}\t{os.readlink(local)}")
        elif os.path.isfile(local):
            with open(local, "rb") as handle:
                encoded = base64.b64encode(handle.read()).decode()
            lines.append(f"file\t{path}\troot:root:644\t{encoded}")
        elif os.path.isdir(local):
            lines.append(f"dir\t{path}")
        else:
            lines.append(f"missing\t{path}")
    return lines


class FakeRun:
    def __init__(self, root: str, data: dict, deploys, units: dict[str, str] | None = None):
        from hardening import plan, settings

        domain = data.get("jitsi_domain", "meet.example.org")
        read, look, digest = plan.server_paths(settings.read(data.get, lambda: domain))
        responses = {
            "jh_look()": records(root, [*read, *look], digest)
            + [f"unit\t{name}\t{state}" for name, state in (units or {}).items()],
            "hostname -f": [domain],
        }
        self.state = State(
            Inventory(
                (
                    [
                        (
                            "@fake/meet",
                            {
                                **data,
                                "fake_responses": responses,
                                "fake_delay": 0,
                                "fake_delay_jitter": 0,
                            },
                        )
                    ],
                    {},
                )
            ),
            Config(),
        )
        remote._runs.clear()
        connect_all(self.state)
        for deploy_function in deploys:
            add_deploy(self.state, deploy_function)
        self.host = self.state.inventory.get_host("@fake/meet")
        self.uploads: list[tuple[str, bytes]] = []  # (remote path, content) of every upload
        connector = self.host.connector
        fake_put = connector.put_file

        def put_file(filename_or_io, remote_filename, *args, **kwargs):
            self.uploads.append((remote_filename, filename_or_io.getvalue()))
            return fake_put(filename_or_io, remote_filename, *args, **kwargs)

        connector.put_file = put_file

    def operations(self) -> list[tuple[str, bool]]:
        """(name, will change) for every operation planned, in order."""
        result = []
        for op_hash in self.state.get_op_order():
            meta = self.state.get_op_meta(op_hash)
            data = self.state.get_op_data_for_host(self.host, op_hash)
            result.append((next(iter(meta.names)), bool(data.operation_meta._maybe_is_change)))
        return result

    def execute(self) -> list[str]:
        """Run the planned operations; return the shell commands the fake host received."""
        run_ops(self.state)
        return self.host.connector.executed_commands
