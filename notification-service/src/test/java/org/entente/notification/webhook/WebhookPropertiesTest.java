package org.entente.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The dispatcher's settings as Spring binds them from property names such as a config tree's files. */
class WebhookPropertiesTest {

    static final byte[] BODY = "{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);
    static final Instant SENT = Instant.parse("2026-09-15T10:00:00Z");

    @Test
    void shouldKeyEachSecretByStateAndContactSoThatTwoStatesMayUseTheSameContactId() {
        // Given a secret for Sweden's duty officer and another for Finland's, both with the contact id "duty"
        WebhookProperties properties = bind(Map.of(
                "entente.webhooks.secrets.SE.duty", "se-secret",
                "entente.webhooks.secrets.FI.duty", "fi-secret"));

        // When each state's contact signs the same body at the same time
        String swedish = WebhookSignature.sign(properties.secret("SE", "duty").orElseThrow(), SENT, BODY);
        String finnish = WebhookSignature.sign(properties.secret("FI", "duty").orElseThrow(), SENT, BODY);

        // Then each has its own secret and signature, and a third state's "duty" none
        assertThat(properties.secret("SE", "duty")).hasValue("se-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(properties.secret("FI", "duty")).hasValue("fi-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(swedish).isNotEqualTo(finnish);
        assertThat(properties.secret("LV", "duty")).isEmpty();
    }

    @Test
    void shouldNameTheContactsWithASecretButNoSecretWhenPrinted() {
        // Given two secrets
        WebhookProperties properties = bind(Map.of(
                "entente.webhooks.secrets.SE.se-cert-duty", "planted-se-secret",
                "entente.webhooks.secrets.FI.fi-ncsc-duty", "planted-fi-secret"));

        // When the settings are printed (a log of the configuration, a failed startup)
        String printed = properties.toString();

        // Then it names state and contact of each secret, but no secret
        assertThat(printed).contains("secrets for [FI/fi-ncsc-duty, SE/se-cert-duty]").doesNotContain("planted");
    }

    private static WebhookProperties bind(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("entente.webhooks.group", "notification-service-webhooks");
        return new Binder(new MapConfigurationPropertySource(all)).bind("entente.webhooks", WebhookProperties.class).get();
    }
}
