package org.entente.notification.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live inbox: a stream ends after {@code streamTimeout} (the client reconnects, presenting a
 * token that is still valid), and carries a comment every {@code heartbeat} so that dead clients
 * are noticed and proxies keep the connection. A caller (one subject of one state) holds at most
 * {@code maxStreamsPerCaller} streams open on an instance at a time.
 */
@ConfigurationProperties("entente.inbox")
record InboxStreamProperties(@DefaultValue("15m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("4") int maxStreamsPerCaller) {

    InboxStreamProperties {
        if (maxStreamsPerCaller < 1) {
            throw new IllegalArgumentException("entente.inbox.max-streams-per-caller must be 1 or more");
        }
    }
}
