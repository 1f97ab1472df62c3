package org.entente.exercise.scenario.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The injects and the earlier injects each names under {@code after}, walked depth-first without
 * recursion (generated scenarios have long chains): every inject comes after those it names in
 * {@link #order()}, and every edge back to an inject still being walked closes a {@link Cycle}.
 * Names of no inject and self-references are left to other checks.
 */
final class AfterGraph {

    /** The {@code after} entry that closes a cycle, and the ids around it, first id repeated last. */
    record Cycle(Element edge, List<String> ids) {
    }

    private record Frame(String id, Iterator<Element> edges) {
    }

    private final Map<String, Element> injectsById = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<Cycle> cycles = new ArrayList<>();

    AfterGraph(List<Element> injects) {
        injects.forEach(inject -> inject.get("id").text().ifPresent(id -> injectsById.putIfAbsent(id, inject)));
        Set<String> done = new HashSet<>();
        injectsById.keySet().forEach(id -> walkFrom(id, done));
    }

    /** Inject ids, each after every inject it names, otherwise in file order. */
    List<String> order() {
        return order;
    }

    List<Cycle> cycles() {
        return cycles;
    }

    private void walkFrom(String start, Set<String> done) {
        if (done.contains(start)) {
            return;
        }
        Deque<Frame> stack = new ArrayDeque<>();
        Path path = new Path();
        enter(start, stack, path);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (!top.edges().hasNext()) {
                stack.pop();
                path.leave();
                done.add(top.id());
                order.add(top.id());
                continue;
            }
            Element edge = top.edges().next();
            String next = edge.text().orElse(top.id());
            if (next.equals(top.id()) || !injectsById.containsKey(next) || done.contains(next)) {
                continue;
            }
            if (path.contains(next)) {
                cycles.add(new Cycle(edge, path.cycleBackTo(next)));
            } else {
                enter(next, stack, path);
            }
        }
    }

    private void enter(String id, Deque<Frame> stack, Path path) {
        stack.push(new Frame(id, injectsById.get(id).get("after").items().iterator()));
        path.enter(id);
    }

    /** The ids being walked, in order, with constant-time membership. */
    private static final class Path {
        private final List<String> ids = new ArrayList<>();
        private final Set<String> members = new HashSet<>();

        void enter(String id) {
            ids.add(id);
            members.add(id);
        }

        void leave() {
            members.remove(ids.remove(ids.size() - 1));
        }

        boolean contains(String id) {
            return members.contains(id);
        }

        List<String> cycleBackTo(String id) {
            List<String> cycle = new ArrayList<>(ids.subList(ids.indexOf(id), ids.size()));
            cycle.add(id);
            return List.copyOf(cycle);
        }
    }
}
