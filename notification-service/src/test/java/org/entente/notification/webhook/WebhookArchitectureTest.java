package org.entente.notification.webhook;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.entente.notification.webhook", importOptions = ImportOption.DoNotIncludeTests.class)
class WebhookArchitectureTest {

    /** Receivers copy it as it is. */
    @ArchTest
    static final ArchRule signatureNeedsTheJdkOnly = classes().that().belongToAnyOf(WebhookSignature.class)
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax..").or(equivalentTo(WebhookSignature.class)));

    @ArchTest
    static final ArchRule deliveryRulesArePlainJava = noClasses()
            .that().belongToAnyOf(DeliveryResult.class, AlertNotice.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..");
}
