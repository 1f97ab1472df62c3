package org.entente.exercise;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The planners' HTTP API; or, when the first argument is a command rather than an option, their
 * command line ({@link ExerciseCommand}): {@code java -jar exercise-service-…-exec.jar validate drill.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExerciseServiceApplication {

    /** Configuration lives in exercise-service.yml, so all services can share one classpath (tests). */
    public static final String CONFIG_NAME = "spring.config.name=exercise-service";

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            ExerciseCommand.main(args);
        } else {
            new SpringApplicationBuilder(ExerciseServiceApplication.class).properties(CONFIG_NAME).run(args);
        }
    }
}
