package dev.rainmaker.localcloud.hosts;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a simulated host takes from a droplet's {@code #cloud-config} {@code user_data}: its SSH host key
 * ({@code ssh_keys.ecdsa_private}, PKCS#8 PEM, and {@code ecdsa_public}), root's {@code ssh_authorized_keys} and
 * {@code ssh_pwauth}. Messages name the missing or bad field, never a key's content.
 */
public record CloudConfig(KeyPair hostKey, List<String> authorizedKeys, Boolean passwordAuthentication) {

    public static CloudConfig parse(String userData) {
        if (userData == null || !userData.startsWith("#cloud-config")) {
            throw new IllegalArgumentException(
                    "the droplet's user_data is not a #cloud-config: a simulated host needs ssh_keys and ssh_authorized_keys");
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(userData);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the droplet's cloud-config is not valid YAML", e);
        }
        if (!(loaded instanceof Map<?, ?> config)) {
            throw new IllegalArgumentException("the droplet's cloud-config is not a YAML mapping");
        }
        if (!(config.get("ssh_keys") instanceof Map<?, ?> sshKeys)) {
            throw new IllegalArgumentException("the droplet's cloud-config has no ssh_keys: the host has no host key");
        }
        String privatePem = text(sshKeys.get("ecdsa_private"), "ssh_keys.ecdsa_private");
        String publicLine = text(sshKeys.get("ecdsa_public"), "ssh_keys.ecdsa_public");
        if (!(config.get("ssh_authorized_keys") instanceof List<?> keys) || keys.isEmpty()) {
            throw new IllegalArgumentException(
                    "the droplet's cloud-config has no ssh_authorized_keys: nobody could log in");
        }
        List<String> authorizedKeys =
                keys.stream().map(k -> text(k, "ssh_authorized_keys[]").trim()).toList();
        Boolean passwordAuthentication = config.get("ssh_pwauth") instanceof Boolean b ? b : null;
        return new CloudConfig(hostKey(privatePem, publicLine), authorizedKeys, passwordAuthentication);
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("the droplet's cloud-config has no " + field);
        }
        return s;
    }

    private static KeyPair hostKey(String privatePem, String publicLine) {
        PrivateKey privateKey;
        try {
            String base64 = privatePem
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            privateKey = KeyFactory.getInstance("EC")
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("ssh_keys.ecdsa_private is not a PKCS#8 PEM EC private key", e);
        }
        PublicKey publicKey;
        try {
            publicKey = PublicKeyEntry.parsePublicKeyEntry(publicLine.trim())
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        } catch (Exception e) {
            throw new IllegalArgumentException("ssh_keys.ecdsa_public is not an OpenSSH public key line", e);
        }
        if (!matches(privateKey, publicKey)) {
            throw new IllegalArgumentException(
                    "ssh_keys.ecdsa_public is not the public half of ssh_keys.ecdsa_private");
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        try {
            byte[] probe = "rainmaker host key probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
