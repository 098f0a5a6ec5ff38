-- Test host stand-in for Jitsi's mod_auth_jitsi-anonymous (Jitsi's Prosody plugins are not
-- packaged in Debian). It behaves like Prosody's own anonymous provider: every client logs
-- in with SASL ANONYMOUS under a fresh random name, and no account can exist on the host.
-- Jitsi's session resumption is not imitated.
local new_sasl = require "util.sasl".new;

local provider = {};

function provider.test_password()
	return nil, "password login is not available on an anonymous host";
end

function provider.get_password()
	return nil, "password login is not available on an anonymous host";
end

function provider.set_password()
	return nil, "password login is not available on an anonymous host";
end

function provider.user_exists()
	return nil, "an anonymous host has no accounts";
end

function provider.create_user()
	return nil, "an anonymous host has no accounts";
end

function provider.delete_user()
	return nil, "an anonymous host has no accounts";
end

function provider.users()
	return next, {}, nil;
end

function provider.get_sasl_handler()
	-- util.sasl makes up the user name; accepting it is all there is to do.
	return new_sasl(module.host, {
		anonymous = function() return true; end;
	});
end

module:provides("auth", provider);
module:log("info", "test host stand-in for mod_auth_jitsi-anonymous loaded");
