package io.voltstream.model.command;

/** What a command is addressed to, and the MQTT topics of that kind of target (design §3). */
public enum TargetKind {
  BATTERY("batteries", "commands"),
  DEVICE("devices", "instructions");

  private final String topicRoot;
  private final String commandLeaf;

  TargetKind(String topicRoot, String commandLeaf) {
    this.topicRoot = topicRoot;
    this.commandLeaf = commandLeaf;
  }

  /** {@code batteries/{id}/commands} or {@code devices/{id}/instructions}. */
  public String commandTopic(String id) {
    return topicRoot + "/" + id + "/" + commandLeaf;
  }

  /** {@code batteries/{id}/acks} or {@code devices/{id}/acks}. */
  public String ackTopic(String id) {
    return topicRoot + "/" + id + "/acks";
  }

  /** First segment of this kind's MQTT topics: {@code batteries} or {@code devices}. */
  public String topicRoot() {
    return topicRoot;
  }
}
