package dev.nplusone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The public API never exposes the libraries underneath, so they can change without breaking users. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nplusone");

    @Test
    void public_api_does_not_depend_on_datasource_proxy_jsqlparser_or_bytebuddy() {
        noClasses().that().resideOutsideOfPackage("dev.nplusone.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("net.ttddyy..", "net.sf.jsqlparser..", "net.bytebuddy..")
                .check(CLASSES);
    }

    @Test
    void only_the_jdbc_stage_talks_to_datasource_proxy() {
        noClasses().that().resideInAPackage("dev.nplusone..").and().resideOutsideOfPackage("dev.nplusone.internal.jdbc..")
                .should().dependOnClassesThat().resideInAPackage("net.ttddyy..")
                .check(CLASSES);
    }

    @Test
    void the_pipeline_has_no_back_edges() {
        noClasses().that().resideInAnyPackage("dev.nplusone.internal.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.nplusone.internal.scope..",
                        "dev.nplusone.internal.detect..", "dev.nplusone.internal.suggest..", "dev.nplusone.internal.report..",
                        "dev.nplusone.internal.jdbc..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.nplusone.internal.scope..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.nplusone.internal.detect..",
                        "dev.nplusone.internal.suggest..", "dev.nplusone.internal.report..", "dev.nplusone.internal.jdbc..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.nplusone.internal.detect..", "dev.nplusone.internal.suggest..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.nplusone.internal.report..",
                        "dev.nplusone.internal.jdbc..")
                .check(CLASSES);
    }
}
