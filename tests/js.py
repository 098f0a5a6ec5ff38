"""Parse config.js with node, as a browser would run it, and return its `config` object."""

import json
import shutil
import subprocess

import pytest

_SCRIPT = """
const vm = require('vm');
const source = require('fs').readFileSync(0, 'utf8');
const context = {};
vm.runInNewContext(source + '\\n;this.__config = config;', context);
process.stdout.write(JSON.stringify(context.__config));
"""


def config_of(text: str) -> dict:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: config.js cannot be parsed")
    result = subprocess.run(
        ["node", "-e", _SCRIPT], input=text, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"config.js does not run: {result.stderr}"
    return json.loads(result.stdout)
