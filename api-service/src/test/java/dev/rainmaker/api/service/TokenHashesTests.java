package dev.rainmaker.api.service;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHashesTests {

    private static final String ACME = "ea0c4c77a8dd9f61ede00a46d1af6444339154750e431db43d01a50323d5cd9a";
    private static final String GLOBEX = "a830aad4e2a96a87799a8cabeb3912c01f28996e2b2f6f8e150dd6d3e332627b";

    private final TokenHashes hashes = new TokenHashes(Map.of("acme", List.of(ACME), "globex", List.of(GLOBEX)));

    @Test
    void findsTheAppWhoseDigestMatchesTheToken() {
        assertThat(hashes.appOf("acme-token-for-tests")).contains("acme");
        assertThat(hashes.appOf("globex-token-for-tests")).contains("globex");
    }

    @Test
    void aWrongTokenOrTheDigestItselfBelongsToNoApp() {
        assertThat(hashes.appOf("acme-token-for-test")).isEmpty();
        assertThat(hashes.appOf(ACME)).isEmpty();
        assertThat(hashes.appOf("")).isEmpty();
    }

    @Test
    void digestsAreReadInUpperCaseToo() {
        TokenHashes upper = new TokenHashes(Map.of("acme", List.of(ACME.toUpperCase())));

        assertThat(upper.appOf("acme-token-for-tests")).contains("acme");
    }
}
