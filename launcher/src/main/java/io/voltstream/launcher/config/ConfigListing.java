package io.voltstream.launcher.config;

import io.voltstream.config.ConfigReader;
import io.voltstream.config.ConfigReader.Source;
import io.voltstream.config.Durations;
import io.voltstream.config.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows {@code voltstream config} prints: each setting's name, current value (secrets masked),
 * where the value comes from and what it means; plus errors (values that do not parse) and warnings
 * (variables under an old name, {@code VOLTSTREAM_*} variables no deployable reads: typos).
 */
public final class ConfigListing {
  static final String MASK = "********";

  /** One printed setting. */
  public record Row(String name, String value, String source, String unit, String description) {}

  private final Map<String, List<Option<?>>> sections;
  private final Map<String, String> env;
  private final Map<String, String> flags;

  /**
   * @param env the process environment
   * @param flags the settings given by command-line flags (they override {@code env})
   */
  public ConfigListing(
      Map<String, List<Option<?>>> sections, Map<String, String> env, Map<String, String> flags) {
    this.sections = sections;
    this.env = Map.copyOf(env);
    this.flags = Map.copyOf(flags);
  }

  public Row row(Option<?> option) {
    ConfigReader reader = new ConfigReader(merged());
    Source source = reader.source(option);
    String setBy = reader.setName(option).orElse(option.name());
    String value =
        switch (source) {
          case ENV, FLAG -> reader.text(setBy).orElse("");
          case DEFAULT -> option.defaultValue();
          case UNSET -> "";
        };
    if (source == Source.ENV && flags.containsKey(setBy) && !flags.get(setBy).isBlank()) {
      source = Source.FLAG;
    }
    if (option.secret() && !value.isEmpty()) {
      value = MASK;
    }
    String from =
        source.name().toLowerCase(Locale.ROOT)
            + (setBy.equals(option.name()) ? "" : " (" + setBy + ")");
    return new Row(option.name(), value, from, option.unit(), option.description());
  }

  /** One message per setting whose value does not parse (the process would refuse to start). */
  public List<String> errors() {
    ConfigReader reader = new ConfigReader(merged());
    List<String> errors = new ArrayList<>();
    for (Option<?> o : options()) {
      try {
        reader.find(o);
      } catch (IllegalArgumentException e) {
        errors.add(
            o.secret() && !(e instanceof ConfigReader.UnreadableFile)
                ? o.name() + ": expected " + o.type().expected() + " (value not shown)"
                : e.getMessage());
      }
    }
    return errors;
  }

  /** One message per variable set under an old name or read by no deployable (a typo?). */
  public List<String> warnings() {
    Map<String, String> merged = merged();
    ConfigReader reader = new ConfigReader(merged);
    List<String> warnings = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    for (Option<?> o : options()) {
      known.add(o.name());
      known.add(o.name() + ConfigReader.FILE_SUFFIX);
      for (Option.LegacyName legacy : o.legacyNames()) {
        known.add(legacy.name());
        if (reader.text(legacy.name()).isPresent()) {
          warnings.add(
              legacy.name() + " is deprecated: use " + o.name() + " (" + Durations.SYNTAX + ")");
        }
      }
    }
    merged.keySet().stream()
        .filter(k -> k.startsWith(Option.PREFIX) && !known.contains(k))
        .sorted()
        .forEach(k -> warnings.add(k + " is not read by any Voltstream deployable (a typo?)"));
    return warnings;
  }

  /** The whole listing as aligned text, one section per deployable, problems at the end. */
  public String render() {
    List<Row> rows = sections.values().stream().flatMap(List::stream).map(this::row).toList();
    int nameWidth = rows.stream().mapToInt(r -> r.name().length()).max().orElse(4);
    int valueWidth = Math.min(40, rows.stream().mapToInt(r -> r.value().length()).max().orElse(5));
    int sourceWidth = rows.stream().mapToInt(r -> r.source().length()).max().orElse(6);
    String format = "%-" + nameWidth + "s  %-" + valueWidth + "s  %-" + sourceWidth + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "NAME", "VALUE", "SOURCE", "DESCRIPTION"));
    sections.forEach(
        (title, options) -> {
          out.append(System.lineSeparator())
              .append("# ")
              .append(title)
              .append(System.lineSeparator());
          for (Option<?> o : options) {
            Row r = row(o);
            String description =
                r.unit().isEmpty() ? r.description() : r.description() + " [" + r.unit() + "]";
            out.append(String.format(format, r.name(), r.value(), r.source(), description));
          }
        });
    List<String> problems = new ArrayList<>(errors());
    problems.addAll(warnings());
    if (!problems.isEmpty()) {
      out.append(System.lineSeparator()).append("# problems").append(System.lineSeparator());
      problems.forEach(p -> out.append(p).append(System.lineSeparator()));
    }
    return out.toString();
  }

  private List<Option<?>> options() {
    return sections.values().stream().flatMap(List::stream).toList();
  }

  private Map<String, String> merged() {
    Map<String, String> merged = new HashMap<>(env);
    merged.putAll(flags);
    return merged;
  }
}
