package dev.rainmaker.api.service;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTests {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimeDotBodyWithHmacSha256AsLowercaseHex() {
        // Expected value computed independently with Python's hmac module.
        assertThat(WebhookSigner.signature("whsec_test", 1700000000L, BODY))
                .isEqualTo("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void anotherTimeOrSecretGivesAnotherSignature() {
        String base = WebhookSigner.signature("whsec_test", 1700000000L, BODY);
        assertThat(WebhookSigner.signature("whsec_test", 1700000001L, BODY)).isNotEqualTo(base);
        assertThat(WebhookSigner.signature("other", 1700000000L, BODY)).isNotEqualTo(base);
    }
}
