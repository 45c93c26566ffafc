package dev.rainmaker.events.signup;

/** Public keys made with OpenSSH's ssh-keygen, with the fingerprint {@code ssh-keygen -lf} printed for them. */
final class TestKeys {

    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEo3fyukwAIqkxWJCFBqJXyk4X+dVeYbtqcJka/kGNw0 alice@laptop";

    static final String ECDSA_P256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEIzl"
            + "zCbN/W2ogwjuA7Y3/9HLGWJvN8cUmdk4JEeLQOq77PdXK2QngByqy/NvR+3BRhcuJEfj39LdtxoHAY4OiA= ops";

    static final String ECDSA_P256_FINGERPRINT = "SHA256:vvl0b15W7gA9RYXHt4dcmfPJOyUtzUU8YTyKZyAZy+4";

    private TestKeys() {}
}
