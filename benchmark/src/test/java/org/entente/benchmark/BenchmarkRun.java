package org.entente.benchmark;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The benchmark command: {@code ./mvnw -pl benchmark -am verify -DskipTests -Pbenchmark
 * [-Dentente.bench.states=57 -Dentente.bench.recipients=20 …]} (see README.md). Not part of the
 * test suite, which runs {@link BenchmarkSmokeTest}: surefire picks this class only in the
 * {@code benchmark} profile. Prints the table and where the JSON went.
 */
class BenchmarkRun {

    @Test
    void measure() {
        Installation installation = Installation.fromSystemProperties();
        BenchmarkReport report = new Benchmark(Parameters.fromSystemProperties(), installation).run();
        Path json = report.writeJson(installation.workDir());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("JSON: " + json);
    }
}
