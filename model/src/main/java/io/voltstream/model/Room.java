package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A room in the registry, with the building it belongs to and its floor area. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Room(String name, String building, Double areaM2) {}
