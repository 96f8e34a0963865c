package io.voltstream.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed {@link Option}s from a map of variables (the process environment, possibly with
 * command-line flags laid over it). Unset and blank variables take the option's default. A value
 * that does not parse fails with one message shape naming the variable: {@code VOLTSTREAM_API_PORT:
 * expected an integer between 0 and 65535, got 'abc'}.
 */
public final class ConfigReader {
  private static final Pattern BARE_NUMBER = Pattern.compile("-?\\d+");

  /** Suffix of the variable that names a file holding a setting's value: {@code NAME_FILE}. */
  public static final String FILE_SUFFIX = "_FILE";

  private final Map<String, String> vars;

  public ConfigReader(Map<String, String> vars) {
    this.vars = Map.copyOf(vars);
  }

  /** Where a setting's value comes from. */
  public enum Source {
    /** The environment (or a map standing in for it). */
    ENV,
    /** A command-line flag (only the launcher knows; see {@code voltstream config}). */
    FLAG,
    /** The option's default. */
    DEFAULT,
    /** Neither set nor defaulted. */
    UNSET
  }

  /**
   * The value: the variable's, else the default. Fails for an option without a default that is
   * unset.
   */
  public <T> T get(Option<T> option) {
    return find(option)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    option.name()
                        + ": must be set ("
                        + option.description()
                        + "); expected "
                        + option.type().expected()));
  }

  /** The value of the variable, else the default, else empty. */
  public <T> Optional<T> find(Option<T> option) {
    Optional<T> set = explicit(option);
    if (set.isPresent() || !option.hasDefault()) {
      return set;
    }
    return Optional.of(parse(option.name() + " (default)", option.type(), option.defaultValue()));
  }

  /** The value only when the variable (or a legacy name) is set, ignoring the default. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> explicit(Option<T> option) {
    Optional<String> text = text(option.name());
    if (text.isPresent()) {
      return Optional.of(parse(option.name(), option.type(), text.get()));
    }
    for (Option.LegacyName legacy : option.legacyNames()) {
      Optional<String> old = text(legacy.name());
      if (old.isPresent()) {
        if (legacy.bareNumberUnit() != null && BARE_NUMBER.matcher(old.get()).matches()) {
          // The old _MS/_S names took a bare number in their unit; check it like the new syntax.
          String withUnit =
              Durations.format(parseBare(legacy, old.get(), option.type().expected()));
          return Optional.of(parseAs(legacy.name(), option.type(), withUnit, old.get()));
        }
        return Optional.of(parse(legacy.name(), option.type(), old.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Where {@code option}'s value comes from: {@link Source#ENV}, {@link Source#DEFAULT} or {@link
   * Source#UNSET}.
   */
  public Source source(Option<?> option) {
    if (setName(option).isPresent()) {
      return Source.ENV;
    }
    return option.hasDefault() ? Source.DEFAULT : Source.UNSET;
  }

  /** The variable that sets {@code option}: its name, or the legacy name in use, or empty. */
  public Optional<String> setName(Option<?> option) {
    if (text(option.name()).isPresent()) {
      return Optional.of(option.name());
    }
    return option.legacyNames().stream()
        .map(Option.LegacyName::name)
        .filter(n -> text(n).isPresent())
        .findFirst();
  }

  /**
   * The trimmed text of {@code name}; else the trimmed content of the file named by {@code
   * name_FILE} (the Docker/Kubernetes secrets convention, so that secrets such as {@code
   * VOLTSTREAM_JWT_SECRET} never have to sit in an environment listing or a compose file); empty
   * when neither is set. The variable itself wins over its file.
   */
  public Optional<String> text(String name) {
    String v = vars.get(name);
    if (v != null && !v.isBlank()) {
      return Optional.of(v.trim());
    }
    String file = vars.get(name + FILE_SUFFIX);
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    String content = readFile(name + FILE_SUFFIX, file.trim()).trim();
    return content.isEmpty() ? Optional.empty() : Optional.of(content);
  }

  private static String readFile(String variable, String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new UnreadableFile(
          variable + ": cannot read the file '" + path + "' (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  /**
   * A {@code NAME_FILE} variable whose file cannot be read. Its message holds the path, never the
   * value, so it may be shown even for a secret setting.
   */
  public static final class UnreadableFile extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnreadableFile(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The one message shape for a bad setting: {@code NAME: expected EXPECTATION, got 'TEXT'}. */
  public static IllegalArgumentException invalid(String name, String text, String expected) {
    return new IllegalArgumentException(name + ": expected " + expected + ", got '" + text + "'");
  }

  /**
   * Checks a value given in code (e.g. to a config record's constructor) against {@code option}'s
   * type, failing with the same message as a bad variable.
   */
  public static <T> void requireValid(Option<T> option, String value) {
    parseAs(option.name(), option.type(), value == null ? "" : value, String.valueOf(value));
  }

  private static Duration parseBare(Option.LegacyName legacy, String text, String expected) {
    try {
      long n = Long.parseLong(text);
      if (n >= 0) {
        return Duration.of(n, legacy.bareNumberUnit());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // reported below
    }
    throw invalid(legacy.name(), text, expected);
  }

  private static <T> T parse(String name, ValueType<T> type, String text) {
    return parseAs(name, type, text, text);
  }

  private static <T> T parseAs(String name, ValueType<T> type, String text, String shown) {
    T value;
    try {
      value = type.parse(text);
    } catch (RuntimeException e) {
      throw invalid(name, shown, type.expected());
    }
    if (value == null) {
      throw invalid(name, shown, type.expected());
    }
    return value;
  }
}
