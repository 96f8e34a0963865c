package io.voltstream.launcher.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The launcher's packages depend on each other in one direction only. */
@AnalyzeClasses(
    packages = "io.voltstream.launcher",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LauncherArchitectureTest {

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
