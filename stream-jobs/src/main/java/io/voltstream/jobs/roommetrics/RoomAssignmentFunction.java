package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.RegistryEntry;
import io.voltstream.jobs.roommetrics.logic.RegistryVersion;
import io.voltstream.jobs.roommetrics.logic.RegistryVersions;
import io.voltstream.jobs.roommetrics.logic.RoomAssignment;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SensorReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns each reading the room and building in force at the reading's <em>event time</em>, from
 * the versioned registry held as broadcast state ({@link #REGISTRY_VERSIONS}: {@code sensor:<id>} →
 * rooms, {@code room:<name>} → buildings, each a time-ordered list of {@link RegistryVersion}s; see
 * {@link RegistryVersions}). Because the answer depends on the reading's timestamp and not on when
 * the registry change arrived, reprocessing the same readings gives the same rooms (stream-jobs
 * README, "Versioned registry"). Registry tombstones remove the key's versions.
 *
 * <p>Readings that arrive before the registry is loaded fall back to their payload room: the
 * registry topic is read from the earliest offset and is small, so this only affects the first
 * seconds after a start from scratch (restores come with the checkpointed view). A bounded replay
 * closes that race with a {@code seed}: a snapshot of the registry taken before the job starts,
 * consulted for keys the broadcast state does not hold yet.
 *
 * <p>{@link #REGISTRY_VIEW} and {@link #applyToView} are the unversioned view other jobs share.
 */
public class RoomAssignmentFunction
    extends BroadcastProcessFunction<SensorReading, RegistryChange, RoomReading> {

  private static final Logger LOG = LoggerFactory.getLogger(RoomAssignmentFunction.class);

  /**
   * The broadcast registry view; also the descriptor the job broadcasts the registry stream with.
   */
  public static final MapStateDescriptor<String, String> REGISTRY_VIEW =
      new MapStateDescriptor<>("registry-view", Types.STRING, Types.STRING);

  /** The versioned registry of this function; the job broadcasts the registry stream with it. */
  public static final MapStateDescriptor<String, List<RegistryVersion>> REGISTRY_VERSIONS =
      new MapStateDescriptor<>(
          "registry-versions",
          Types.STRING,
          new ListTypeInfo<>(TypeInformation.of(RegistryVersion.class)));

  /** Registry key → JSON, as read before the job started; empty for the live job. */
  private final HashMap<String, String> seed;

  private transient Map<String, List<RegistryVersion>> seedVersions;
  private transient Counter malformedRegistryRecords;

  /** The live job's function: the registry comes from the broadcast stream alone. */
  public RoomAssignmentFunction() {
    this(Map.of());
  }

  /** With a registry snapshot ({@code registry} key → JSON value) for keys not yet broadcast. */
  public RoomAssignmentFunction(Map<String, String> seed) {
    this.seed = new HashMap<>(seed);
  }

  @Override
  public void open(OpenContext openContext) {
    malformedRegistryRecords =
        getRuntimeContext().getMetricGroup().counter("malformedRegistryRecords");
    seedVersions = new HashMap<>();
    seed.forEach(
        (key, json) ->
            RegistryKey.decode(key)
                .map(k -> RegistryVersions.fromChange(k, json))
                .filter(c -> c.action() == RegistryEntry.Action.PUT)
                .ifPresent(c -> seedVersions.put(c.viewKey(), c.versions())));
  }

  @Override
  public void processElement(SensorReading reading, ReadOnlyContext ctx, Collector<RoomReading> out)
      throws Exception {
    ReadOnlyBroadcastState<String, List<RegistryVersion>> view =
        ctx.getBroadcastState(REGISTRY_VERSIONS);
    RoomAssignment assignment =
        RoomAssignment.assign(
            reading, key -> RegistryVersions.inForceAt(versions(view, key), reading.timestamp()));
    out.collect(RoomReading.of(reading, assignment));
  }

  private List<RegistryVersion> versions(
      ReadOnlyBroadcastState<String, List<RegistryVersion>> view, String key) {
    try {
      return view.contains(key) ? view.get(key) : seedVersions.get(key);
    } catch (Exception e) {
      throw new IllegalStateException("broadcast state read failed", e);
    }
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<RoomReading> out) throws Exception {
    if (!applyVersions(change, ctx.getBroadcastState(REGISTRY_VERSIONS))) {
      malformedRegistryRecords.inc();
    }
  }

  /**
   * Replaces the key's versions with those the change's value carries (its history included); a
   * tombstone or a value without any room/building removes them. False when the value was malformed
   * (the caller counts it, the previous versions stay).
   */
  static boolean applyVersions(
      RegistryChange change, BroadcastState<String, List<RegistryVersion>> view) throws Exception {
    RegistryVersions.Change c = RegistryVersions.fromChange(change.key(), change.json());
    switch (c.action()) {
      case PUT -> view.put(c.viewKey(), c.versions());
      case DELETE -> view.remove(c.viewKey());
      case MALFORMED -> {
        LOG.warn("Ignoring malformed registry value for key {}", c.viewKey());
        return false;
      }
      case IGNORE -> {}
    }
    return true;
  }

  /**
   * Applies one registry change to a {@link #REGISTRY_VIEW} (also used by the dispatch job, whose
   * battery → building lookup is the same view); false when the value was malformed (the caller
   * counts it, the previous entry stays).
   */
  public static boolean applyToView(RegistryChange change, BroadcastState<String, String> view)
      throws Exception {
    RegistryEntry entry = RegistryEntry.fromChange(change.key(), change.json());
    switch (entry.action()) {
      case PUT -> view.put(entry.viewKey(), entry.value());
      case DELETE -> view.remove(entry.viewKey());
      case MALFORMED -> {
        LOG.warn("Ignoring malformed registry value for key {}", entry.viewKey());
        return false;
      }
      case IGNORE -> {}
    }
    return true;
  }
}
