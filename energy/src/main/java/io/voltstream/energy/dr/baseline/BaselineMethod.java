package io.voltstream.energy.dr.baseline;

/**
 * CAISO-style customer baseline methods (X-of-Y over similar non-event days); {@link #wireName()}
 * is what {@code DrExecution.baseline_method} and the placebo report show.
 */
public enum BaselineMethod {
  /** Mean of the last 10 eligible weekdays (4-in-4 for weekend events). */
  TEN_OF_TEN("10of10"),
  /** Of the last 5 eligible days, the 4 with the highest load over the event window, averaged. */
  HIGH_FOUR_OF_FIVE("high4of5");

  private final String wireName;

  BaselineMethod(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The method of a wire name ({@code 10of10}, {@code high4of5}), case-insensitive. */
  public static BaselineMethod fromWireName(String name) {
    for (BaselineMethod m : values()) {
      if (m.wireName.equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown baseline method " + name + " (10of10|high4of5)");
  }
}
