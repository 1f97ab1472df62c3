package org.entente.deploy.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository, found from the module directory Maven runs the tests in. */
final class Repository {

    private Repository() {
    }

    static Path path(String relative) {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("deploy").resolve("checks"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("not inside the Entente repository: " + Path.of("").toAbsolutePath());
        }
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("missing " + file);
        }
        return file;
    }
}
