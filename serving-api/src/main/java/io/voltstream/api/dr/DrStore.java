package io.voltstream.api.dr;

import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.api.store.ReplicatedMap;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The API's views of the two compacted DR logs: Kafka {@code dr-invitations} (the log of record of
 * invitations, written by this API on send, answer and cancel; read-your-writes through {@link
 * ReplicatedMap#put}) and {@code dr-status} (the DR job's latest {@link DrExecution} per event,
 * read only). Every instance reads both from the beginning at start, so a restarted or second
 * instance sees every invitation and report.
 */
public final class DrStore {
  private final ReplicatedMap<DrInvitation> invitations;
  private final ReplicatedMap<DrExecution> executions;

  public DrStore(ReplicatedMap<DrInvitation> invitations, ReplicatedMap<DrExecution> executions) {
    this.invitations = invitations;
    this.executions = executions;
  }

  /** In-process views for handler tests. */
  public static DrStore inMemory() {
    return new DrStore(new InMemoryReplicatedMap<>(), new InMemoryReplicatedMap<>());
  }

  public Optional<DrInvitation> invitation(String id) {
    return invitations.get(id);
  }

  /** Every invitation, by start then id. */
  public List<DrInvitation> invitations() {
    return invitations.snapshot().values().stream()
        .sorted(Comparator.comparing(DrInvitation::start).thenComparing(DrInvitation::id))
        .toList();
  }

  /** Writes an invitation (new or changed) and returns once this instance's view shows it. */
  public void put(DrInvitation invitation) {
    invitations.put(invitation.id(), invitation);
  }

  /** The DR job's latest report on an event. */
  public Optional<DrExecution> execution(String eventId) {
    return executions.get(eventId);
  }

  /** Writes a report: only for tests standing in for the DR job (which owns {@code dr-status}). */
  void putExecution(DrExecution execution) {
    executions.put(execution.eventId(), execution);
  }
}
