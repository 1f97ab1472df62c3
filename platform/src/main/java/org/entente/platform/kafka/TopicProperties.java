package org.entente.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the catalogue's topics are created: one broker locally, three or more in a cluster. */
@ConfigurationProperties("entente.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {

    /** One replica may be away (a broker restarting) while acks=all writes still succeed. */
    public int minInSyncReplicas() {
        return Math.max(1, replicationFactor - 1);
    }
}
