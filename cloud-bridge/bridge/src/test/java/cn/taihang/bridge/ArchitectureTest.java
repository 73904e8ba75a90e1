package cn.taihang.bridge;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bridge's rooms and the arrows allowed between them, checked on the main classes of every bridge module: no
 * package cycles; domain code free of Vert.x, SQL and Micrometer; services meeting only through the ports their
 * consumers own; services using the core only through its module SPI and HTTP host.
 */
@Tag("unit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final List<String> SERVICES = List.of("tickets", "rental", "dispatch", "signs", "releases");
    private static final String[] CORE_INTERNALS = {"cn.taihang.bridge.broker..", "cn.taihang.bridge.ingest..", "cn.taihang.bridge.storage..",
            "cn.taihang.bridge.fleet..", "cn.taihang.bridge.telemetry.."};

    private JavaClasses bridge;

    @BeforeAll
    void importMainClasses() {
        bridge = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                // the city CA is a tool beside the bridge (on the test class path for TestPki), not part of it
                .withImportOption(location -> !location.contains("bridge-ca"))
                .importPackages("cn.taihang.bridge");
    }

    @Test
    void everyModuleIsImported() {
        for (String p : List.of("broker", "ingest", "module", "http", "forecast", "tickets", "rental", "dispatch", "signs", "releases")) {
            org.assertj.core.api.Assertions.assertThat(bridge.stream().anyMatch(c -> c.getPackageName().startsWith("cn.taihang.bridge." + p)))
                    .as("classes of cn.taihang.bridge.%s imported", p).isTrue();
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.taihang.bridge.(**)").should().beFreeOfCycles().check(bridge);
    }

    @Test
    void domainCodeIsPlainJava() {
        noClasses().that().resideInAnyPackage("..domain..", "cn.taihang.bridge.forecast..", "cn.taihang.bridge.releases.rollout..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "javax.sql..", "io.micrometer..", "org.sqlite..")
                .check(bridge);
    }

    @Test
    void servicesMeetOnlyThroughPorts() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (other.equals(service)) {
                    continue;
                }
                String theirs = "cn.taihang.bridge." + other + "..";
                noClasses().that().resideInAPackage("cn.taihang.bridge." + service + "..")
                        .should().dependOnClassesThat(resideInAPackage(theirs).and(not(resideInAPackage("cn.taihang.bridge." + other + ".port.."))))
                        .as(service + " uses " + other + " only through " + other + ".port")
                        .check(bridge);
            }
        }
    }

    @Test
    void servicesUseTheCoreOnlyThroughItsSpiAndHttpHost() {
        for (String service : SERVICES) {
            noClasses().that().resideInAPackage("cn.taihang.bridge." + service + "..")
                    .should().dependOnClassesThat(resideInAnyPackage(CORE_INTERNALS).or(resideInAPackage("cn.taihang.bridge")))
                    .check(bridge);
        }
    }

    @Test
    void theCoreKnowsNoService() {
        noClasses().that().resideInAnyPackage("cn.taihang.bridge.module..", "cn.taihang.bridge.http..", "cn.taihang.bridge.ingest..",
                        "cn.taihang.bridge.broker..", "cn.taihang.bridge.storage..", "cn.taihang.bridge.fleet..", "cn.taihang.bridge.telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.taihang.bridge.tickets..", "cn.taihang.bridge.rental..",
                        "cn.taihang.bridge.dispatch..", "cn.taihang.bridge.signs..", "cn.taihang.bridge.forecast..")
                .check(bridge);
    }
}
