package io.voltstream.api.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The query, export, events and live logic stays free of Javalin; only controllers and the socket
 * adapt.
 */
class QueryArchitectureTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.voltstream.api.influx",
              "io.voltstream.api.query",
              "io.voltstream.api.live",
              "io.voltstream.api.roomdata",
              "io.voltstream.api.analytics",
              "io.voltstream.api.dataquery",
              "io.voltstream.api.export",
              "io.voltstream.api.events",
              "io.voltstream.api.forecast");

  @Test
  void logicShouldNotDependOnJavalinOrJetty() {
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Controller")
        .and()
        .doNotHaveSimpleName("LiveSocket")
        .and()
        .doNotHaveFullyQualifiedName("io.voltstream.api.live.LiveSocket$JettySink")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .check(PRODUCTION);
  }

  @Test
  void influxAccessShouldNotDependOnTheApiLayers() {
    noClasses()
        .that()
        .resideInAPackage("io.voltstream.api.influx..")
        .and()
        .doNotHaveSimpleName("GuardedInfluxReader")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.voltstream.api.query..", "io.voltstream.api.error..", "io.voltstream.api.auth..")
        .check(PRODUCTION);
  }
}
