package org.entente.notification.address;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookAddressConfiguration {

    /** One policy for the reference data, when a chain is saved, and for the dispatcher, before each call. */
    @Bean
    WebhookAddressPolicy webhookAddressPolicy(WebhookAddressProperties properties) {
        return WebhookAddressPolicy.of(properties.allowedNetworks());
    }
}
