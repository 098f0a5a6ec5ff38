"""Load a Prosody config file with a real Lua, the way Prosody reads it, for the tests.

Prosody runs the file with an environment where `VirtualHost "x"` and `Component "x" "m"`
switch the host that later assignments belong to. This reproduces that with lupa, so a
test reads each host's settings as Prosody would, not as a string compare would.
"""

import lupa.lua54 as lupa

_LOADER = """
return function(source)
  local hosts = { ["*"] = {} }
  local order = {}
  local current = "*"
  local function switch(kind, name)
    current = name
    if hosts[name] == nil then
      hosts[name] = { __kind = kind }
      order[#order + 1] = name
    end
  end
  local env = setmetatable({}, {
    __index = function(_, key)
      if key == "VirtualHost" or key == "Host" then
        return function(name) switch("VirtualHost", name) end
      elseif key == "Component" then
        return function(name)
          switch("Component", name)
          return function(module) hosts[name].__module = module end
        end
      elseif key == "Include" or key == "RunScript" then
        return function() end
      end
      return hosts[current][key]
    end,
    __newindex = function(_, key, value) hosts[current][key] = value end,
  })
  local chunk, err = load(source, "=config", "t", env)
  if not chunk then error(err) end
  chunk()
  return hosts, order
end
"""


def _to_python(value):
    if lupa.lua_type(value) == "table":
        keys = list(value.keys())
        if keys and all(isinstance(k, int) for k in keys):
            return [_to_python(value[k]) for k in sorted(keys)]
        return {k: _to_python(v) for k, v in value.items()}
    return value


def load(text: str) -> tuple[dict[str, dict], list[str]]:
    """Return ({host or "*": {setting: value}}, host names in file order)."""
    runtime = lupa.LuaRuntime(unpack_returned_tuples=True)
    hosts, order = runtime.execute(_LOADER)(text)
    return _to_python(hosts), _to_python(order) or []
