package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A building in the registry; rooms belong to exactly one building. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Building(String id, String name, String address, Double latitude, Double longitude) {
  /** Rooms registered without a building belong to this one (design §4). */
  public static final String DEFAULT_ID = "default";
}
