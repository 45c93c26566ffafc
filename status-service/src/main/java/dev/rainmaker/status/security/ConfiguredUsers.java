package dev.rainmaker.status.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.status.config.StatusConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * HTTP Basic users from configuration ({@code rainmaker.status.users.<name>.password-hash} and {@code .roles}). An
 * operator is a viewer too. A bcrypt check takes tens of milliseconds, and the console asks every few seconds: a
 * credential once verified is remembered as a SHA-256 digest (never the password), in memory only.
 */
@ApplicationScoped
public class ConfiguredUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Map<String, StatusConfig.User> users;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    ConfiguredUsers(StatusConfig config) {
        this.users = Map.copyOf(config.users());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() ->
                identity(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity identity(String name, String password) {
        StatusConfig.User user = users.get(name);
        String digest = digest(name, password);
        if (user == null || !(verified.contains(digest) || PasswordHashes.matches(password, user.passwordHash()))) {
            throw new AuthenticationFailedException("wrong user name or password");
        }
        if (verified.size() < 1000) {
            verified.add(digest);
        }
        Set<String> roles = new LinkedHashSet<>(user.roles());
        if (roles.contains("operator")) {
            roles.add("viewer");
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRoles(roles)
                .build();
    }

    private static String digest(String name, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((name + "\0" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
