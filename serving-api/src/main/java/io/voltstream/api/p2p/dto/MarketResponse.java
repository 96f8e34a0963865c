package io.voltstream.api.p2p.dto;

/**
 * A market: its spec ({@code mode} {@code pay_as_clear|pay_as_bid}, gate closure before each slot),
 * whether it is in the registry (the default {@code community} market exists without being
 * registered) and how many buildings are members.
 */
public record MarketResponse(
    String id, String name, String mode, int gateClosureSeconds, boolean registered, int members) {}
