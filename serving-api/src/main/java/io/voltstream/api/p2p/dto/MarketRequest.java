package io.voltstream.api.p2p.dto;

/**
 * Body of {@code PUT /api/v1/p2p/markets/{id}}: {@code name} (default the id), {@code mode} ({@code
 * pay_as_clear} default, or {@code pay_as_bid}), {@code gate_closure_seconds} (0 … 86400, default
 * 300).
 */
public record MarketRequest(String id, String name, String mode, Integer gateClosureSeconds) {}
