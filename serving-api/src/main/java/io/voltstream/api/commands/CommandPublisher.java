package io.voltstream.api.commands;

import io.voltstream.model.command.Command;

/**
 * Where the API hands a command: Kafka {@code commands} in production ({@link
 * KafkaCommandPublisher}), a list in tests. {@link #publish} returns once the command is durably
 * accepted (Kafka's ack), or throws {@code StoreUnavailableException} (503).
 */
@FunctionalInterface
public interface CommandPublisher {
  void publish(Command command);
}
