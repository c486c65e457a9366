package dev.anneal.tuner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The search algorithms are plain Java: no framework, no persistence, no hidden randomness. */
class ArchitectureTest {

    static final JavaClasses TUNER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.anneal.tuner");

    @Test
    void tunerUsesNoFrameworkOrOtherModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "org.hibernate..",
                        "dev.anneal.db..",
                        "dev.anneal.worker..",
                        "dev.anneal.api..",
                        "org.deeplearning4j..",
                        "org.nd4j..")
                .check(TUNER);
    }

    @Test
    void randomnessComesFromTheInjectedGenerator() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .callMethod(Math.class, "random")
                .check(TUNER);
    }
}
