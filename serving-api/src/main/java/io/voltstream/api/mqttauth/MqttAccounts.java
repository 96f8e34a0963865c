package io.voltstream.api.mqttauth;

import java.util.Optional;

/**
 * The broker's account store, as the credential service needs it. The broker keeps only a salted
 * hash of each password; nothing here returns one.
 */
public interface MqttAccounts {
  /** The label of the account {@code username}, or empty when there is no such account. */
  Optional<String> label(String username);

  /**
   * Creates the account, or replaces the password and grants of an existing one (rotation: the
   * broker disconnects sessions of the old password).
   */
  void put(String username, String label, MqttGrants grants, String password);

  /** Deletes the account (the broker disconnects its sessions); false when there was none. */
  boolean remove(String username);
}
