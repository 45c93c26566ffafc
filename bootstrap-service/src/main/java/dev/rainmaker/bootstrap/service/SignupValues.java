package dev.rainmaker.bootstrap.service;

import java.time.ZoneId;
import java.util.regex.Pattern;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.SignupReceived;

/**
 * Checks again, before they reach a host, the sign-up values the recipes use: the events' schema already restricts
 * them, but a host must not depend on every producer honouring it.
 */
public final class SignupValues {

    private static final Pattern USERNAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern PUBLIC_KEY = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,3}( [^\\n\\r]*)?");
    private static final Pattern TIMEZONE = Pattern.compile("[A-Za-z0-9_+/-]{1,64}");

    private SignupValues() {}

    /** Every value of the sign-up a recipe uses, so a bad one fails before any host is touched. */
    public static void validate(SignupReceived signup) {
        timezone(signup.timezone());
        for (AdminUser admin : signup.adminUsers()) {
            publicKey(username(admin.username()), admin.publicKey());
        }
    }

    public static String timezone(String value) {
        if (value == null
                || !TIMEZONE.matcher(value).matches()
                || !ZoneId.getAvailableZoneIds().contains(value)) {
            throw new HardeningFailure("the sign-up's timezone " + shown(value) + " is not an IANA time zone");
        }
        return value;
    }

    public static String username(String value) {
        if (value == null || !USERNAME.matcher(value).matches() || value.equals("root")) {
            throw new HardeningFailure("the admin user name " + shown(value)
                    + " is not a Linux login name for a person (lower-case letters, digits, _ and -; not root)");
        }
        return value;
    }

    public static String publicKey(String username, String value) {
        if (value == null
                || value.length() > 16384
                || !PUBLIC_KEY.matcher(value).matches()) {
            throw new HardeningFailure(
                    "the public key of admin user '" + username + "' is not one OpenSSH public key line");
        }
        return value;
    }

    private static String shown(String value) {
        if (value == null) {
            return "(missing)";
        }
        String visible = value.replaceAll("[\\p{Cntrl}]", "?");
        return "'" + (visible.length() > 80 ? visible.substring(0, 80) + "..." : visible) + "'";
    }
}
