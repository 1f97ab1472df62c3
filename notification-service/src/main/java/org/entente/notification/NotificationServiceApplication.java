package org.entente.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    /** Configuration lives in notification-service.yml, so all services can share one classpath (end-to-end tests). */
    public static final String CONFIG_NAME = "spring.config.name=notification-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(NotificationServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
