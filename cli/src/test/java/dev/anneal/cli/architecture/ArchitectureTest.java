package dev.anneal.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI talks HTTP only and ships as a small jar: its code must not reach for the server's
 * classes or Spring, which are on the test classpath (the integration tests start the server).
 */
class ArchitectureTest {

    static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.anneal.cli");

    @Test
    void usesNeitherTheServerNorSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.anneal.api..",
                        "dev.anneal.db..",
                        "dev.anneal.worker..",
                        "dev.anneal.tuner..",
                        "org.springframework..")
                .check(CLI);
    }
}
