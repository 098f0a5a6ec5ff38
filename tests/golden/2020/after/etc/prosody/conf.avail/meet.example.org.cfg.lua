plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/", "/usr/local/lib/jitsi-hardening/prosody-modules", }

-- domain mapper options, must at least have domain base set to use the mapper
muc_mapper_domain_base = "meet.example.org";

turncredentials_secret = "turnsecret-example";

turncredentials = {
  { type = "stun", host = "meet.example.org", port = "4446" },
  { type = "turn", host = "meet.example.org", port = "4446", transport = "udp" },
  { type = "turns", host = "meet.example.org", port = "443", transport = "tcp" }
};

cross_domain_bosh = false;
consider_bosh_secure = true;

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
        speakerstats_component = "speakerstats.meet.example.org"
        conference_duration_component = "conferenceduration.meet.example.org"
        -- we need bosh
        modules_enabled = {
            "bosh";
            "pubsub";
            "ping"; -- Enable mod_ping
            "speakerstats";
            "turncredentials";
            "conference_duration";
            "register";
            "log_auth";
        }
        c2s_require_encryption = true
        allow_registration = false
        consider_websocket_secure = true

VirtualHost "guest.meet.example.org"
        authentication = "anonymous"
        c2s_require_encryption = false

Component "conference.meet.example.org" "muc"
    storage = "memory"
    modules_enabled = {
        "muc_meeting_id";
        "muc_domain_mapper";
        -- "token_verification";
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
    authentication = "internal_plain"
    modules_enabled = {
        "log_auth";
    }

Component "focus.meet.example.org"
    component_secret = "focussecret-example"

Component "speakerstats.meet.example.org" "speakerstats_component"
    muc_component = "conference.meet.example.org"

Component "conferenceduration.meet.example.org" "conference_duration_component"
    muc_component = "conference.meet.example.org"
