package io.voltstream.forecast.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Tests use JUnit 5 only. */
@AnalyzeClasses(
    packages = "io.voltstream.forecast",
    importOptions = ImportOption.OnlyIncludeTests.class)
class TestConventionsTest {
  @ArchTest
  static final ArchRule NO_JUNIT4 =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.junit")
          .as("no JUnit 4 (org.junit.Test, org.junit.Assert): use JUnit 5");
}
