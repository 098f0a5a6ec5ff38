"""Inventory of the benchmark's test hosts: several at once, named by BENCH_HOSTS.

    BENCH_HOSTS=jh11,jh12 pyinfra -y bench/inventory.py deploy.py   # from the repository root

The hosts must already be up (bench/run.py brings them up and down). Unlike
inventories/testhost.py, this file starts nothing, so loading it adds no time that the
benchmark would count against the deploy. The per-host data comes from bench/hosts.py.
"""

import os

from bench.hosts import address_of, host_data, host_names

hosts = [(address_of(name), host_data(name)) for name in host_names(os.environ.get("BENCH_HOSTS"))]
