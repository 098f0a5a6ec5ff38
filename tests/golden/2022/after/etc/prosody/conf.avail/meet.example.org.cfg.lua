plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/", "/usr/local/lib/jitsi-hardening/prosody-modules", }

-- domain mapper options, must at least have domain base set to use the mapper
muc_mapper_domain_base = "meet.example.org";

external_service_secret = "turnsecret-example";
external_services = {
     { type = "stun", host = "meet.example.org", port = 3478 },
     { type = "turn", host = "meet.example.org", port = 3478, transport = "udp", secret = true, ttl = 86400, algorithm = "turn" },
     { type = "turns", host = "meet.example.org", port = 5349, transport = "tcp", secret = true, ttl = 86400, algorithm = "turn" }
};

cross_domain_bosh = false;
consider_bosh_secure = true;
-- https_ports = { }; -- Remove this line to prevent listening on port 5284

-- https://ssl-config.mozilla.org/#server=haproxy&version=2.1&config=intermediate&openssl=1.1.0g&guideline=5.4
ssl = {
    protocol = "tlsv1_2+";
    ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384"
}

unlimited_jids = {
    "focus@auth.meet.example.org",
    "jvb@auth.meet.example.org"
}

VirtualHost "meet.example.org"
    -- enabled = false -- Remove this line to enable this host
    authentication = "internal_hashed"
    -- Properties below are modified by jitsi-meet-tokens package config
    -- and authentication above is switched to "token"
    --app_id="example_app_id"
    --app_secret="example_app_secret"
    -- Assign this host a certificate for TLS, otherwise it would use the one
    -- set in the global section (if any).
    -- Note that old-style SSL on port 5223 only supports one certificate, and will always
    -- use the global one.
    ssl = {
        key = "/etc/prosody/certs/meet.example.org.key";
        certificate = "/etc/prosody/certs/meet.example.org.crt";
    }
    av_moderation_component = "avmoderation.meet.example.org"
    speakerstats_component = "speakerstats.meet.example.org"
    conference_duration_component = "conferenceduration.meet.example.org"
    -- we need bosh
    modules_enabled = {
        "bosh";
        "pubsub";
        "ping"; -- Enable mod_ping
        "speakerstats";
        "external_services";
        "conference_duration";
        "muc_lobby_rooms";
        "muc_breakout_rooms";
        "av_moderation";
        "register";
        "log_auth";
    }
    c2s_require_encryption = true
    lobby_muc = "lobby.meet.example.org"
    breakout_rooms_muc = "breakout.meet.example.org"
    main_muc = "conference.meet.example.org"
    -- muc_lobby_whitelist = { "recorder.meet.example.org" } -- Here we can whitelist jibri to enter lobby enabled rooms
    allow_registration = false
    consider_websocket_secure = true

VirtualHost "guest.meet.example.org"
    authentication = "jitsi-anonymous"
    c2s_require_encryption = false

Component "conference.meet.example.org" "muc"
    restrict_room_creation = true
    storage = "memory"
    modules_enabled = {
        "muc_meeting_id";
        "muc_domain_mapper";
        "polls";
        --"token_verification";
        "muc_rate_limit";
    }
    admins = { "focus@auth.meet.example.org" }
    muc_room_locking = false
    muc_room_default_public_jids = true

Component "breakout.meet.example.org" "muc"
    restrict_room_creation = true
    storage = "memory"
    modules_enabled = {
        "muc_meeting_id";
        "muc_domain_mapper";
        "polls";
        --"token_verification";
        "muc_rate_limit";
    }
    admins = { "focus@auth.meet.example.org" }
    muc_room_locking = false
    muc_room_default_public_jids = true

-- internal muc component
Component "internal.auth.meet.example.org" "muc"
    storage = "memory"
    modules_enabled = {
        "ping";
    }
    admins = { "focus@auth.meet.example.org", "jvb@auth.meet.example.org" }
    muc_room_locking = false
    muc_room_default_public_jids = true

VirtualHost "auth.meet.example.org"
    ssl = {
        key = "/etc/prosody/certs/auth.meet.example.org.key";
        certificate = "/etc/prosody/certs/auth.meet.example.org.crt";
    }
    modules_enabled = {
        "limits_exception";
        "log_auth";
    }
    authentication = "internal_hashed"

-- Proxy to jicofo's user JID, so that it doesn't have to register as a component.
Component "focus.meet.example.org" "client_proxy"
    target_address = "focus@auth.meet.example.org"

Component "speakerstats.meet.example.org" "speakerstats_component"
    muc_component = "conference.meet.example.org"

Component "conferenceduration.meet.example.org" "conference_duration_component"
    muc_component = "conference.meet.example.org"

Component "avmoderation.meet.example.org" "av_moderation_component"
    muc_component = "conference.meet.example.org"

Component "lobby.meet.example.org" "muc"
    storage = "memory"
    restrict_room_creation = true
    muc_room_locking = false
    muc_room_default_public_jids = true
    modules_enabled = {
        "muc_rate_limit";
        "polls";
    }
