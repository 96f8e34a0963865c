package io.voltstream.forecast.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the forecasting logic free of IO frameworks (production classes only). */
@AnalyzeClasses(
    packages = "io.voltstream.forecast",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ForecastArchitectureTest {
  @ArchTest
  static final ArchRule PURE_PACKAGES_HAVE_NO_IO_FRAMEWORKS =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..forecast.features..",
              "..forecast.baselines..",
              "..forecast.evaluation..",
              "..forecast.guard..",
              "..forecast.probabilistic..",
              "io.voltstream.forecast.pv")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.tribuo..",
              "picocli..",
              "java.net.http..",
              "io.javalin..",
              "org.apache.flink..",
              "org.apache.kafka..",
              "io.voltstream.kafka..",
              "io.voltstream.influx..",
              "..forecast.cli..",
              "..forecast.streaming..",
              "..forecast.training..");

  @ArchTest
  static final ArchRule ONLY_TRAINING_TOUCHES_TRIBUO =
      noClasses()
          .that()
          .resideOutsideOfPackage("..forecast.training..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tribuo..");

  @ArchTest
  static final ArchRule STREAMING_DOES_NOT_USE_THE_CLI =
      noClasses()
          .that()
          .resideInAPackage("..forecast.streaming..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  /** Only the {@code XxxApp} mains read the environment; everything else gets a config record. */
  @ArchTest
  static final ArchRule NO_GETENV_IN_PRODUCTION =
      noClasses()
          .that()
          .resideInAPackage("io.voltstream.forecast..")
          .and()
          .haveSimpleNameNotEndingWith("App")
          .should()
          .callMethod(System.class, "getenv", String.class)
          .orShould()
          .callMethod(System.class, "getenv");

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
