package io.voltstream.ingest;

/** One message delivered by the broker, acknowledged by ingest only once its records are stored. */
public interface InboundMessage {
  String topic();

  byte[] payload();

  /** Lets the broker forget the message; called at most once. */
  void acknowledge();
}
