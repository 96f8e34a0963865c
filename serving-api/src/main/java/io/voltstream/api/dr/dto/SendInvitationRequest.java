package io.voltstream.api.dr.dto;

/**
 * Body of {@code POST /api/v1/demand-response/invitations/send}; every field is checked at the edge
 * (problem JSON naming it).
 *
 * @param building target building (must exist; a scoped token must cover it)
 * @param start ISO-8601 instant with offset, not in the past
 * @param durationMinutes 1 … 1440
 * @param requestedKw requested reduction of grid import [kW], &gt; 0
 * @param incentiveEurPerKwh payment per kWh delivered [€/kWh], ≥ 0 (default 0)
 * @param programId optional program (default {@code voltstream-dr})
 */
public record SendInvitationRequest(
    String building,
    String start,
    Integer durationMinutes,
    Double requestedKw,
    Double incentiveEurPerKwh,
    String programId) {}
