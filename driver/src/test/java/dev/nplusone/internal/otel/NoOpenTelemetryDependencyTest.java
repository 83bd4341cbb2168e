package dev.nplusone.internal.otel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * nplusone never links to OpenTelemetry: its classes name no OpenTelemetry type, so an application without it loads
 * none, and the agent's shaded jar has nothing of OpenTelemetry's to relocate or bundle.
 */
class NoOpenTelemetryDependencyTest {

    @Test
    void no_class_of_nplusone_depends_on_an_opentelemetry_type() {
        noClasses().that().resideInAPackage("dev.nplusone..")
                .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.nplusone"));
    }
}
