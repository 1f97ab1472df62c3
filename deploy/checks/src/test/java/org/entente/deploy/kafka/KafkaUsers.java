package org.entente.deploy.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.yaml.snakeyaml.Yaml;

/**
 * The Strimzi {@code KafkaUser} resources of deploy/k8s/kafka-users.yaml, read strictly (only what
 * Strimzi's simple authorization accepts) and translated to Kafka {@link AclBinding}s the way the
 * User Operator does: one ALLOW binding per operation, principal {@code User:<metadata.name>}.
 */
record KafkaUsers(List<User> users) {

    static final Path FILE = Repository.path("deploy/k8s/kafka-users.yaml");

    record User(String name, String authentication, List<Rule> rules) {

        String principal() {
            return "User:" + name;
        }

        List<AclBinding> bindings() {
            return rules.stream().flatMap(rule -> rule.bindings(principal()).stream()).toList();
        }
    }

    /** One entry of {@code spec.authorization.acls}, with Strimzi's spelling of its fields. */
    record Rule(String type, String name, String patternType, List<String> operations, String host) {

        ResourcePattern pattern() {
            ResourceType resourceType = switch (type) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                case "cluster" -> ResourceType.CLUSTER;
                default -> throw new IllegalArgumentException("unknown resource type " + type);
            };
            PatternType kafkaPattern = switch (patternType) {
                case "literal" -> PatternType.LITERAL;
                case "prefix" -> PatternType.PREFIXED;
                default -> throw new IllegalArgumentException("unknown pattern type " + patternType);
            };
            return new ResourcePattern(resourceType, type.equals("cluster") ? "kafka-cluster" : name, kafkaPattern);
        }

        List<AclBinding> bindings(String principal) {
            return operations.stream()
                    .map(operation -> new AclBinding(pattern(),
                            new AccessControlEntry(principal, host, operation(operation), AclPermissionType.ALLOW)))
                    .toList();
        }

        /** Whether this rule lets its user do {@code operation} on the topic named {@code topic}. */
        boolean allowsOnTopic(AclOperation operation, String topic) {
            if (!type.equals("topic")) {
                return false;
            }
            boolean matches = patternType.equals("literal") ? name.equals(topic) || name.equals("*") : topic.startsWith(name);
            return matches && operations.stream().map(Rule::operation)
                    .anyMatch(granted -> granted == operation || granted == AclOperation.ALL);
        }

        /** Strimzi's operation names (Read, DescribeConfigs, IdempotentWrite …) as Kafka's enum. */
        static AclOperation operation(String strimziName) {
            String constant = strimziName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            AclOperation operation = AclOperation.valueOf(constant);
            if (operation == AclOperation.ANY || operation == AclOperation.UNKNOWN) {
                throw new IllegalArgumentException("not an ACL operation: " + strimziName);
            }
            return operation;
        }
    }

    static KafkaUsers load() {
        return load(FILE);
    }

    @SuppressWarnings("unchecked")
    static KafkaUsers load(Path file) {
        List<User> users = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document == null) {
                    continue;
                }
                Map<String, Object> resource = (Map<String, Object>) document;
                require(resource, "apiVersion", "kafka.strimzi.io/v1beta2");
                require(resource, "kind", "KafkaUser");
                Map<String, Object> metadata = (Map<String, Object>) resource.get("metadata");
                Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
                Map<String, Object> authentication = (Map<String, Object>) spec.get("authentication");
                Map<String, Object> authorization = (Map<String, Object>) spec.get("authorization");
                require(authorization, "type", "simple");
                List<Rule> rules = new ArrayList<>();
                for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
                    rules.add(rule(acl));
                }
                users.add(new User((String) metadata.get("name"), (String) authentication.get("type"), List.copyOf(rules)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return new KafkaUsers(List.copyOf(users));
    }

    @SuppressWarnings("unchecked")
    private static Rule rule(Map<String, Object> acl) {
        Set<String> unknown = new LinkedHashSet<>(acl.keySet());
        unknown.removeAll(Set.of("resource", "operations", "host"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unexpected ACL fields " + unknown + " in " + acl);
        }
        Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
        Set<String> unknownResource = new LinkedHashSet<>(resource.keySet());
        unknownResource.removeAll(Set.of("type", "name", "patternType"));
        if (!unknownResource.isEmpty()) {
            throw new IllegalArgumentException("unexpected resource fields " + unknownResource + " in " + acl);
        }
        Rule rule = new Rule((String) resource.get("type"), (String) resource.get("name"),
                (String) resource.getOrDefault("patternType", "literal"),
                List.copyOf((List<String>) acl.get("operations")), (String) acl.getOrDefault("host", "*"));
        rule.pattern();
        rule.operations().forEach(Rule::operation);
        return rule;
    }

    private static void require(Map<String, Object> map, String key, String expected) {
        if (!expected.equals(map.get(key))) {
            throw new IllegalArgumentException(key + " must be " + expected + ", is " + map.get(key));
        }
    }

    User user(String name) {
        return users.stream().filter(user -> user.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no KafkaUser " + name));
    }

    List<AclBinding> bindings() {
        return users.stream().flatMap(user -> user.bindings().stream()).toList();
    }

    /** The users that may perform {@code operation} on the topic named {@code topic}. */
    List<String> usersAllowed(AclOperation operation, String topic) {
        return users.stream()
                .filter(user -> user.rules().stream().anyMatch(rule -> rule.allowsOnTopic(operation, topic)))
                .map(User::name)
                .toList();
    }
}
