package io.voltstream.jobs.dr;

import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.Command;

/**
 * What the DR operator emits: a command, a report or a system event (exactly one is set), split by
 * {@link DrJob} into their sinks.
 */
public record DrOutput(Command command, DrReport report, SystemEvent event) {

  public static DrOutput of(Command c) {
    return new DrOutput(c, null, null);
  }

  public static DrOutput of(DrReport r) {
    return new DrOutput(null, r, null);
  }

  public static DrOutput of(SystemEvent e) {
    return new DrOutput(null, null, e);
  }
}
