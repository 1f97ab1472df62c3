package org.entente.notification.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live inbox: a stream ends after {@code streamTimeout} (the client reconnects, presenting a
 * token that is still valid), and carries a comment every {@code heartbeat} so that dead clients
 * are noticed and proxies keep the connection.
 */
@ConfigurationProperties("entente.inbox")
record InboxStreamProperties(@DefaultValue("15m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat) {
}
