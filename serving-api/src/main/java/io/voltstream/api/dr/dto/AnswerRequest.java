package io.voltstream.api.dr.dto;

/**
 * Body of {@code POST /api/v1/demand-response/invitations/{id}/answer}.
 *
 * @param answer {@code opt_in} or {@code opt_out}
 */
public record AnswerRequest(String answer) {}
