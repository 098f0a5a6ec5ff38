-- Prints the Prosody modules that a configuration file loads, one per line: every
-- modules_enabled list, the authentication and storage providers, and component modules.
--   lua5.4 config-modules.lua FILE
-- The file is run in a sandbox where every unknown name is a harmless stand-in, so settings
-- and directives this script does not know about (Include, ENV_..., ...) do no harm.
local found = {}

local function add(name)
	if type(name) == "string" then found[name] = true; end
end

local function add_providers(prefix, value)
	if type(value) == "table" then
		for _, name in pairs(value) do add_providers(prefix, name); end
	elseif type(value) == "string" then
		add(prefix .. value);
	end
end

-- Anything callable and indexable, for names the sandbox does not know.
local anything = setmetatable({}, {});
getmetatable(anything).__call = function() return anything; end
getmetatable(anything).__index = function() return anything; end
getmetatable(anything).__concat = function() return ""; end

local directives = {
	-- VirtualHost "host"
	VirtualHost = function() return anything; end;
	-- Component "host" "module"
	Component = function()
		return function(module_name) add(module_name); return anything; end;
	end;
}

local sandbox = setmetatable({}, {
	__index = function(_, key) return directives[key] or anything; end;
	__newindex = function(_, key, value)
		if key == "modules_enabled" and type(value) == "table" then
			for _, name in ipairs(value) do add(name); end
		elseif key == "authentication" then
			add_providers("auth_", value);
		elseif key == "storage" then
			add_providers("storage_", value);
		end
	end;
});

local chunk = assert(loadfile(assert(arg[1], "usage: config-modules.lua FILE"), "t", sandbox));
chunk();

local names = {};
for name in pairs(found) do names[#names + 1] = name; end
table.sort(names);
for _, name in ipairs(names) do print(name); end
