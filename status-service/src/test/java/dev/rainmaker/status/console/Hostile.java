package dev.rainmaker.status.console;

import java.util.List;

import dev.rainmaker.events.SignupReceived;

/**
 * Sign-ups as PoisonIT's hostile clients send them (e2e-tests' PoisonSignups), with markup that would set
 * {@code window.__pwned} if the console ever put it in the page as HTML. {@code shownAs} is what the console shows:
 * the text itself, invisible characters as escapes.
 */
record Hostile(SignupReceived signup, String shownAs) {

    static final String IMG = "<img src=x onerror=window.__pwned=1>";
    static final String SCRIPT = "<script>window.__pwned=1</script>";

    static final List<Hostile> SIGNUPS = List.of(
            new Hostile(
                    Pipeline.signup(
                            IMG, SCRIPT + "@evil.example", "Robert'); DROP TABLE customers;-- $(touch /tmp/pwned)"),
                    IMG),
            hostileName(
                    "hostile-quotes",
                    "`touch /tmp/pwned` \"double\" 'single' \\ backslash <b onmouseover=window.__pwned=1>"),
            hostileName(
                    "hostile-newline",
                    "Ada\nBcc: everyone@evil.example ; rm -rf /tmp/pwned",
                    "Ada⟨U+000A⟩Bcc: everyone@evil.example"),
            hostileName("hostile-bidi", "Ada \u202Eno\u200Bvelace && touch /tmp/pwned", "Ada ⟨U+202E⟩no⟨U+200B⟩velace"),
            hostileName("hostile-script", SCRIPT + " | tee /tmp/pwned"),
            hostileName("hostile-attribute", "\"><svg onload=window.__pwned=1>", "\"><svg onload=window.__pwned=1>"));

    private static Hostile hostileName(String customerId, String contactName) {
        return hostileName(customerId, contactName, contactName);
    }

    private static Hostile hostileName(String customerId, String contactName, String shownAs) {
        return new Hostile(Pipeline.signup(customerId, customerId + "@evil.example", contactName), shownAs);
    }
}
