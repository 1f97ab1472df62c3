package org.entente.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.notification.lifecycle.LifecycleRules;
import org.entente.notification.lifecycle.Transition;

@AnalyzeClasses(packages = "org.entente.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule routingIsPlainJava = noClasses().that().resideInAPackage("..notification.routing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule lifecycleRulesArePlainJava = noClasses().that().belongToAnyOf(LifecycleRules.class, Transition.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..");

    /** The reference data checks it when a chain is saved, the dispatcher before each call. */
    @ArchTest
    static final ArchRule addressPolicyIsPlainJava = noClasses().that().belongToAnyOf(WebhookAddressPolicy.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.entente.notification.(*)..")
            .should().beFreeOfCycles();
}
