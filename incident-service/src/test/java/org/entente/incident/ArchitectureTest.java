package org.entente.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.entente.incident.intake.IncidentReportValidator;

@AnalyzeClasses(packages = "org.entente.incident", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule validationIsPlainJava = noClasses().that().belongToAnyOf(IncidentReportValidator.class)
            .or().haveFullyQualifiedName("org.entente.incident.intake.IncidentUpdate")
            .or().haveFullyQualifiedName("org.entente.incident.intake.UpdateConflictException")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.entente.incident.(*)..")
            .should().beFreeOfCycles();
}
