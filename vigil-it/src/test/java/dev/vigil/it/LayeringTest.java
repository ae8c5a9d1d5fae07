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
                        "dev.vigil.store..", "dev.vigil.iam..", "dev.vigil.cloudtrail..", "dev.vigil.cloudwatch..",
                        "dev.vigil.logs..", "dev.vigil.messaging..", "dev.vigil.events..")
                .check(classes);
    }

    @Test
    void providersNeverTouchProtocolsOrHttp() {
        noClasses().that().resideInAnyPackage("dev.vigil.iam..", "dev.vigil.cloudtrail..", "dev.vigil.cloudwatch..",
                "dev.vigil.logs..", "dev.vigil.messaging..", "dev.vigil.events..")
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
        for (String service : new String[] {"iam", "cloudtrail", "cloudwatch", "logs", "messaging", "events"}) {
            String[] others = java.util.stream.Stream.of("iam", "cloudtrail", "cloudwatch", "logs", "messaging", "events")
                    .filter(o -> !o.equals(service)).map(o -> "dev.vigil." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.vigil." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }
}
