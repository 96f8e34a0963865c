package io.voltstream.model.dr;

/** A building's answer to a DR invitation (OpenADR 3 opt-in / opt-out); pending until answered. */
public enum DrAnswer {
  PENDING,
  OPT_IN,
  OPT_OUT
}
