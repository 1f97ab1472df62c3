package org.entente.incident;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentServiceApplication {

    /** Configuration lives in incident-service.yml, so all services can share one classpath (end-to-end tests). */
    public static final String CONFIG_NAME = "spring.config.name=incident-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IncidentServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
