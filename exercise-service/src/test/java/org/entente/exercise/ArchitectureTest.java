package org.entente.exercise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.entente.exercise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The HTTP API is a Spring web application on top of plain Java: scenarios, replay, reports, runs. */
    @ArchTest
    static final ArchRule onlyTheApiUsesSpring = noClasses()
            .that().resideOutsideOfPackage("..exercise.api..")
            .and().doNotBelongToAnyOf(ExerciseServiceApplication.class)
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule nothingDependsOnTheApi = noClasses().that().resideOutsideOfPackage("..exercise.api..")
            .should().dependOnClassesThat().resideInAPackage("..exercise.api..");

    /** Scenarios, reports, runs and the generator are plain Java; the replay alone talks to Kafka. */
    @ArchTest
    static final ArchRule onlyTheReplayUsesKafka = noClasses().that().resideOutsideOfPackage("..exercise.replay..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule onlyTheScenarioFeatureUsesItsInternals = noClasses()
            .that().resideOutsideOfPackages("..exercise.scenario", "..exercise.scenario.internal..")
            .should().dependOnClassesThat().resideInAPackage("..exercise.scenario.internal..");

    @ArchTest
    static final ArchRule scenariosKnowNothingOfReportsOrTheGenerator = noClasses()
            .that().resideInAPackage("..exercise.scenario..")
            .should().dependOnClassesThat().resideInAnyPackage("..exercise.report..", "..exercise.generator..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.entente.exercise.(*)..").should().beFreeOfCycles();
}
