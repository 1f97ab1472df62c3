package org.entente.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's files as the operations tests read them: paths, YAML documents, service settings. */
final class DeployFiles {

    /** The repository root: the nearest directory up from the working directory with mvnw and deploy/. */
    static final Path ROOT = locateRoot();

    /** Every Spring Boot service deploy/ runs: the pipeline's three and exercise-service, the planners' API. */
    static final List<String> SERVICES = List.of("incident-service", "notification-service", "trust-service", "exercise-service");

    private DeployFiles() {
    }

    static Path root(String first, String... more) {
        return ROOT.resolve(Path.of(first, more));
    }

    static Path deploy(String first, String... more) {
        return ROOT.resolve("deploy").resolve(Path.of(first, more));
    }

    static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString();
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML file, empty documents left out. */
    static List<Map<String, Object>> yamlDocuments(Path path) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(path))) {
            if (document != null) {
                assertThat(document).as("a document of %s", relative(path)).isInstanceOf(Map.class);
                documents.add(map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> yamlFile(Path path) {
        List<Map<String, Object>> documents = yamlDocuments(path);
        assertThat(documents).as("documents of %s", relative(path)).hasSize(1);
        return documents.get(0);
    }

    /** Files directly in {@code directory} whose name ends with one of the suffixes, sorted. */
    static List<Path> files(Path directory, String... suffixes) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(file.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code server.port} of a service, from its {@code <service>/src/main/resources/<service>.yml}. */
    static int serverPort(String service) {
        return ((Number) map(serviceConfiguration(service).get("server")).get("port")).intValue();
    }

    /** The management port (metrics, health details), never the API port. */
    static int managementPort(String service) {
        return ((Number) map(map(serviceConfiguration(service).get("management")).get("server")).get("port")).intValue();
    }

    private static Map<String, Object> serviceConfiguration(String service) {
        return yamlDocuments(root(service, "src", "main", "resources", service + ".yml")).get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** The value at a dotted path of nested maps ({@code "spec.template.spec"}), or null. */
    static Object at(Map<String, Object> root, String dottedPath) {
        Object current = root;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> node)) {
                return null;
            }
            current = node.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String dottedPath) {
        return map(at(root, dottedPath));
    }

    static List<Object> listAt(Map<String, Object> root, String dottedPath) {
        return list(at(root, dottedPath));
    }

    static String stringAt(Map<String, Object> root, String dottedPath) {
        Object value = at(root, dottedPath);
        return value == null ? null : String.valueOf(value);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static Path locateRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("deploy"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("no repository root (mvnw and deploy/) above " + Path.of("").toAbsolutePath());
    }
}
