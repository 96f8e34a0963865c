package io.voltstream.infra;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Turns on authentication in a {@link MosquittoBroker}: no anonymous clients, and mosquitto's
 * dynamic security plugin as the only source of accounts and ACLs. The broker starts with exactly
 * one account, this admin, whose role may only use the plugin's control topic ({@code
 * $CONTROL/dynamic-security/#}); every other account (services, devices) is created over MQTT by
 * whoever holds the admin password (the API, the demo).
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param adminUsername the dynamic-security admin's user name
 * @param adminPassword its password (kept only in memory and as a salted hash in the plugin's file)
 */
public record MosquittoAuth(String adminUsername, String adminPassword) {
  /** The admin user name Voltstream uses unless told otherwise. */
  public static final String DEFAULT_ADMIN_USERNAME = "voltstream-admin";

  private static final int GENERATED_PASSWORD_BYTES = 32;

  public MosquittoAuth {
    if (adminUsername == null || adminUsername.isBlank()) {
      throw new IllegalArgumentException("adminUsername must not be blank");
    }
    if (adminPassword == null || adminPassword.isEmpty()) {
      throw new IllegalArgumentException("adminPassword must not be empty");
    }
  }

  /** The default admin with a fresh random password (256 bits, URL-safe Base64). */
  public static MosquittoAuth withRandomPassword() {
    return new MosquittoAuth(DEFAULT_ADMIN_USERNAME, randomPassword());
  }

  /** A random password of 256 bits as 43 URL-safe Base64 characters. */
  public static String randomPassword() {
    byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "MosquittoAuth[adminUsername=" + adminUsername + ", adminPassword=<redacted>]";
  }
}
