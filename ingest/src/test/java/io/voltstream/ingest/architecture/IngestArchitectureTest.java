package io.voltstream.ingest.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the payload mapping pure and the adapters at the edges. */
@AnalyzeClasses(
    packages = "io.voltstream.ingest",
    importOptions = ImportOption.DoNotIncludeTests.class)
class IngestArchitectureTest {

  @ArchTest
  static final ArchRule mappingIsFreeOfTransports =
      noClasses()
          .that()
          .resideInAPackage("io.voltstream.ingest.mapping..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.hivemq..",
              "org.apache.kafka..",
              "io.voltstream.ingest.mqtt..",
              "io.voltstream.ingest.kafka..",
              "io.micrometer..",
              "org.slf4j..")
          .as("the mapping package is pure: no MQTT, Kafka, metrics library or logging");

  @ArchTest
  static final ArchRule coreDoesNotKnowTheTransports =
      noClasses()
          .that()
          .resideInAPackage("io.voltstream.ingest")
          .and()
          .doNotHaveSimpleName("IngestApp")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.hivemq..", "org.apache.kafka..", "io.micrometer..")
          .as("only IngestApp wires the MQTT, Kafka and metrics adapters");

  @ArchTest
  static final ArchRule adaptersDoNotDependOnEachOther =
      noClasses()
          .that()
          .resideInAPackage("io.voltstream.ingest.mqtt..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.kafka..", "io.voltstream.ingest.kafka..");

  @ArchTest
  static final ArchRule noSystemOut =
      noClasses()
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .as("log through SLF4J, not System.out/err");

  @ArchTest
  static final ArchRule onlyTheAppReadsTheEnvironment =
      noClasses()
          .that()
          .doNotHaveSimpleName("IngestApp")
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class);

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices()
          .matching("io.voltstream.(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "each package depends only downwards, so it can be read and changed on its own (issue"
                  + " 7)");
}
