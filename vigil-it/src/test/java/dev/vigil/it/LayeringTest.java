package dev.vigil.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN §6 that matter, checked on the built classes. */
class LayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigil");
    }

    @Test
    void coreDependsOnNoOtherVigilModule() {
        noClasses().that().resideInAPackage("dev.vigil.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.protocol..", "dev.vigil.server..",
                        "dev.vigil.store..", "dev.vigil.iam..", "dev.vigil.cloudtrail..")
                .check(classes);
    }

    @Test
    void providersNeverTouchProtocolsOrHttp() {
        noClasses().that().resideInAnyPackage("dev.vigil.iam..", "dev.vigil.cloudtrail..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.protocol..", "dev.vigil.server..",
                        "io.undertow..", "com.fasterxml.jackson.dataformat..")
                .check(classes);
    }

    @Test
    void codecsKnowNothingOfTheServer() {
        noClasses().that().resideInAPackage("dev.vigil.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.server..", "io.undertow..",
                        "dev.vigil.store..")
                .check(classes);
    }

    @Test
    void servicesDoNotCallEachOtherDirectly() {
        noClasses().that().resideInAPackage("dev.vigil.cloudtrail..")
                .should().dependOnClassesThat().resideInAPackage("dev.vigil.iam..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.vigil.iam..")
                .should().dependOnClassesThat().resideInAPackage("dev.vigil.cloudtrail..")
                .check(classes);
    }
}
