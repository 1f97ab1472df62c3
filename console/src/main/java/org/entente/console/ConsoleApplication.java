package org.entente.console;

import org.entente.platform.apidocs.ApiDocsConfiguration;
import org.entente.platform.caller.CallerSecurityConfiguration;
import org.entente.platform.kafka.PublishingConfiguration;
import org.entente.platform.kafka.TopicProvisioning;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Serves the console's pages and tells them where the services are. The console holds no data
 * and no API of its own: the pages call the services with the signed-in user's token, and the
 * services decide what that user may see. It uses platform for the local issuer only, so the
 * services' own security, topics, publishing and API documentation stay out (they would come in
 * where the console shares a classpath with the services, as in the end-to-end tests).
 */
@SpringBootApplication(exclude = {CallerSecurityConfiguration.class, TopicProvisioning.class, PublishingConfiguration.class,
        ApiDocsConfiguration.class})
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** Configuration lives in console.yml, so the console can share a classpath with the services (end-to-end tests). */
    public static final String CONFIG_NAME = "spring.config.name=console";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ConsoleApplication.class).properties(CONFIG_NAME).run(args);
    }
}
