package io.voltstream.model.command;

/** Who issued a command (design §8). A manual command overrides dispatch until it expires. */
public enum CommandSource {
  MANUAL,
  DISPATCH,
  DR,
  RULE
}
