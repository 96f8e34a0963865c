package io.voltstream.sim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the models pure and the MQTT/Kafka adapters at the edges (style.md A). */
class SimulatorArchitectureTest {
  private static JavaClasses production;
  private static JavaClasses tests;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voltstream.sim");
    tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.voltstream.sim");
  }

  @Test
  void modelsShouldNotDependOnTransportsOrAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.voltstream.sim.device..",
            "io.voltstream.sim.building..",
            "io.voltstream.sim.payload..",
            "io.voltstream.sim.replay..",
            "io.voltstream.sim.clock..",
            "io.voltstream.sim.config..",
            "io.voltstream.sim.scenario..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.hivemq..",
            "org.apache.kafka..",
            "io.voltstream.sim.mqtt..",
            "io.voltstream.sim.registry..",
            "io.voltstream.sim.run..",
            "io.voltstream.sim.load..")
        .because("device models, payloads and the replay are pure and tested without a broker")
        .check(production);
  }

  @Test
  void onlyTheMqttAdapterShouldUseTheMqttClient() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.voltstream.sim.mqtt..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.hivemq..")
        .check(production);
  }

  @Test
  void onlyTheRegistryPublisherShouldUseKafka() {
    noClasses()
        .that()
        .doNotHaveSimpleName("RegistryPublisher")
        .and()
        .doNotHaveSimpleName("RegistryException")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..")
        .check(production);
  }

  @Test
  void productionCodeShouldLogThroughSlf4j() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(production);
  }

  @Test
  void onlyTheAppShouldReadTheEnvironment() {
    noClasses()
        .that()
        .doNotHaveSimpleName("SimulatorApp")
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .check(production);
  }

  @Test
  void testsShouldNotUseJUnit4() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.junit", "junit.framework..")
        .check(tests);
  }

  @Test
  void packagesShouldBeFreeOfCycles() {
    slices()
        .matching("io.voltstream.(**)")
        .should()
        .beFreeOfCycles()
        .because(
            "each package depends only downwards, so it can be read and changed on its own (issue"
                + " 7)")
        .check(production);
  }
}
