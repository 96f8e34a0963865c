package io.voltstream.model.market;

/** Who placed an order: a user through the API, or the building's trading agent. */
public enum OrderOrigin {
  API,
  AGENT
}
