package io.voltstream.api.commands;

import io.voltstream.api.store.KafkaTopicWriter;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import java.time.Duration;

/**
 * Produces commands to Kafka {@link Topics#COMMANDS} (key = target id; idempotent, {@code
 * acks=all}) and waits for the broker's acknowledgement, at most the write timeout, so that a 202
 * means the command is in the log of record.
 */
public final class KafkaCommandPublisher implements CommandPublisher, AutoCloseable {
  private final KafkaTopicWriter<String, Command> writer;

  private KafkaCommandPublisher(KafkaTopicWriter<String, Command> writer) {
    this.writer = writer;
  }

  /** Ensures the topic exists and opens the producer. */
  public static KafkaCommandPublisher open(String bootstrap, Duration timeout) {
    return new KafkaCommandPublisher(
        KafkaTopicWriter.open(bootstrap, Topics.COMMANDS, "voltstream-api-commands", timeout));
  }

  @Override
  public void publish(Command command) {
    writer.append(command.target(), command);
  }

  @Override
  public void close() {
    writer.close();
  }
}
