package org.entente.notification.address;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedNetworks CIDR networks a webhook may be registered at and called in although the
 *        address policy refuses them ({@link WebhookAddressPolicy}); none by default
 */
@ConfigurationProperties("entente.webhooks")
public record WebhookAddressProperties(List<String> allowedNetworks) {

    public WebhookAddressProperties {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    }
}
