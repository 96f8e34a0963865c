package io.voltstream.influx.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The influx module's packages depend on each other in one direction only (one package today). */
@AnalyzeClasses(
    packages = "io.voltstream.influx",
    importOptions = ImportOption.DoNotIncludeTests.class)
class InfluxArchitectureTest {

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
