package io.voltstream.forecast.streaming;

import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import io.voltstream.forecast.guard.ProductionGuard.Choice;
import io.voltstream.forecast.pv.GenerationModels;
import io.voltstream.forecast.training.ModelStore;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxException;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.EntityId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly forecast task that runs beside the Flink jobs. Each run, for every building and for
 * consumption and generation: reads the hourly history from {@code room_metrics}, forecasts the
 * next hours from the current hour with the model the production guard lets through (the saved
 * model, or the PV forecaster of {@link GenerationModels} for generation) or the persistence
 * ensemble, saying why, with P10/P90 ({@link ForecastPlanner}); writes them to {@code forecasts};
 * then scores the stored forecasts of the trailing window per lead band against the actual values
 * and writes {@code forecast_accuracy}. Rooms with their own meters get a consumption forecast of
 * their own ({@code room} tag; InfluxDB only). With a {@link ForecastPublisher} each building batch
 * is also published to Kafka {@code forecasts} (best effort, after the InfluxDB write). The guard's
 * choice per building, room and target is remembered between runs, and after a restart read back
 * from the last run's {@code forecasts} points (the model when none is recent). A failing building
 * or InfluxDB outage is logged and retried next run; the schedule never dies.
 */
public final class ForecastService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ForecastService.class);

  /**
   * How far back a restarted service looks for the guard's last choice: the guard's own scoring
   * window, beyond which the choice says nothing about the days it will score.
   */
  private static final Duration GUARD_MEMORY = Duration.ofDays(7);

  private final ForecastConfig config;
  private final InfluxClient influx;
  private final InfluxHistoryReader history;
  private final Clock clock;
  private final Optional<ForecastPublisher> publisher;
  private final GenerationModels generationModels;

  private final Map<String, Choice> guardChoices = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;
  // told about every scheduled run (metrics); a no-op until onRun sets one
  private volatile BiConsumer<RunSummary, Duration> runListener = (s, d) -> {};

  /** What one run did: batches written per building/target and accuracy reports written. */
  public record RunSummary(
      Instant origin,
      List<ForecastBatch> batches,
      List<AccuracyReport> accuracy,
      List<String> failures) {}

  public ForecastService(ForecastConfig config, InfluxClient influx, Clock clock) {
    this(config, influx, clock, Optional.empty());
  }

  /** {@code publisher} is closed by {@link #close()}. */
  public ForecastService(
      ForecastConfig config,
      InfluxClient influx,
      Clock clock,
      Optional<ForecastPublisher> publisher) {
    this(config, influx, clock, publisher, GenerationModels.NONE);
  }

  /** {@code publisher} is closed by {@link #close()}. */
  public ForecastService(
      ForecastConfig config,
      InfluxClient influx,
      Clock clock,
      Optional<ForecastPublisher> publisher,
      GenerationModels generationModels) {
    this.config = config;
    this.influx = influx;
    this.history = new InfluxHistoryReader(influx);
    this.clock = clock;
    this.publisher = publisher;
    this.generationModels = generationModels;
  }

  /** Publishes to Kafka {@code forecasts} when the config has a bootstrap; no PV forecaster. */
  public static ForecastService create(ForecastConfig config) {
    return create(config, GenerationModels.NONE);
  }

  /** As {@link #create(ForecastConfig)}, with the buildings' PV forecasters for generation. */
  public static ForecastService create(ForecastConfig config, GenerationModels generationModels) {
    return new ForecastService(
        config,
        config.influxClient(),
        Clock.systemUTC(),
        config.kafkaBootstrap().map(ForecastPublisher::new),
        generationModels);
  }

  /** The Kafka publisher, if any (e.g. for its counters). */
  public Optional<ForecastPublisher> publisher() {
    return publisher;
  }

  /** Runs now, then every interval aligned to the clock (a minute past the hour for 1h). */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "forecast-service");
              t.setDaemon(true);
              return t;
            });
    long intervalMs = config.interval().toMillis();
    long now = clock.millis();
    long firstAligned =
        (now / intervalMs + 1) * intervalMs + Math.min(60_000L, intervalMs / 10) - now;
    scheduler.execute(this::runSafely);
    scheduler.scheduleAtFixedRate(this::runSafely, firstAligned, intervalMs, TimeUnit.MILLISECONDS);
    LOG.info(
        "Forecast service started: every {}, models from {}, InfluxDB {}/{}",
        config.interval(),
        config.modelDir(),
        config.influxUrl(),
        config.influxDb());
  }

  /** {@code listener} gets every scheduled run's summary and how long the run took. */
  public void onRun(BiConsumer<RunSummary, Duration> listener) {
    this.runListener = listener;
  }

  private void runSafely() {
    try {
      long startedNanos = System.nanoTime();
      RunSummary s = runOnce();
      runListener.accept(s, Duration.ofNanos(System.nanoTime() - startedNanos));
      LOG.info(
          "Forecast run {}: {} batches, {} accuracy reports, {} failures",
          s.origin(),
          s.batches().size(),
          s.accuracy().size(),
          s.failures().size());
    } catch (RuntimeException e) {
      LOG.error("Forecast run failed", e);
    }
  }

  /** One run at the current hour; never throws for InfluxDB or model problems. */
  public RunSummary runOnce() {
    Instant issuedAt = clock.instant();
    Instant origin = issuedAt.truncatedTo(ChronoUnit.HOURS);
    var batches = new ArrayList<ForecastBatch>();
    var reports = new ArrayList<AccuracyReport>();
    var failures = new ArrayList<String>();
    List<String> buildings;
    try {
      buildings = buildings();
    } catch (InfluxException e) {
      LOG.warn("Cannot list buildings: {}", e.getMessage());
      return new RunSummary(origin, batches, reports, List.of("buildings: " + e.getMessage()));
    }
    Map<ForecastTarget, Optional<ModelStore.Stored>> models = new HashMap<>();
    for (ForecastTarget target : ForecastTarget.values()) {
      models.put(target, loadModel(target));
    }
    for (String building : buildings) {
      Instant historyFrom = origin.minus(Duration.ofDays(config.historyDays()));
      for (ForecastTarget target : ForecastTarget.values()) {
        try {
          HourlySeries past = history.hourly(building, target, historyFrom, origin);
          ForecastBatch batch =
              plan(
                  building,
                  null,
                  target,
                  past,
                  origin,
                  candidate(building, target, past, origin, models));
          influx.write(ForecastPoints.forecasts(batch));
          batches.add(batch);
          publisher.ifPresent(p -> p.publish(batch, issuedAt));
          reports.addAll(accuracy(building, target, past, origin));
        } catch (RuntimeException e) {
          LOG.warn("Forecast for {}/{} failed: {}", building, target.id(), e.toString());
          failures.add(building + "/" + target.id() + ": " + e.getMessage());
        }
      }
      forecastRooms(building, historyFrom, origin, models, batches, failures);
    }
    return new RunSummary(origin, batches, reports, failures);
  }

  /** Consumption of each room with its own meter, with the same model and guard as buildings. */
  private void forecastRooms(
      String building,
      Instant historyFrom,
      Instant origin,
      Map<ForecastTarget, Optional<ModelStore.Stored>> models,
      List<ForecastBatch> batches,
      List<String> failures) {
    List<String> rooms;
    try {
      rooms = history.meteredRooms(building, historyFrom, origin);
    } catch (RuntimeException e) {
      LOG.warn("Cannot list the metered rooms of {}: {}", building, e.toString());
      failures.add(building + "/rooms: " + e.getMessage());
      return;
    }
    var target = ForecastTarget.CONSUMPTION;
    for (String room : rooms) {
      try {
        HourlySeries past = history.hourly(building, room, target, historyFrom, origin);
        var hours = ForecastPlanner.hours(origin, config.horizonHours());
        var candidate =
            ForecastPlanner.savedModel(new PastView(past, origin), hours, models.get(target));
        ForecastBatch batch = plan(building, room, target, past, origin, candidate);
        influx.write(ForecastPoints.forecasts(batch));
        batches.add(batch);
      } catch (RuntimeException e) {
        LOG.warn("Forecast for {}/{} failed: {}", building, room, e.toString());
        failures.add(building + "/" + room + "/" + target.id() + ": " + e.getMessage());
      }
    }
  }

  /** The PV forecaster for generation when the building has one, else the saved model. */
  private ForecastPlanner.Candidate candidate(
      String building,
      ForecastTarget target,
      HourlySeries past,
      Instant origin,
      Map<ForecastTarget, Optional<ModelStore.Stored>> models) {
    if (target == ForecastTarget.GENERATION) {
      Optional<Forecaster> pv = generationModels.forBuilding(building);
      if (pv.isPresent()) {
        return ForecastPlanner.Candidate.of(pv.get());
      }
    }
    return ForecastPlanner.savedModel(
        new PastView(past, origin),
        ForecastPlanner.hours(origin, config.horizonHours()),
        models.get(target));
  }

  /** Plans with the guard's previous choice for this building/room/target and remembers the new. */
  private ForecastBatch plan(
      String building,
      String room,
      ForecastTarget target,
      HourlySeries past,
      Instant origin,
      ForecastPlanner.Candidate candidate) {
    String key = building + "/" + (room == null ? "" : room) + "/" + target.id();
    Choice previous =
        guardChoices.computeIfAbsent(key, k -> restoredChoice(building, room, target, origin));
    ForecastPlanner.Plan plan =
        ForecastPlanner.plan(
            building, room, target, past, origin, config.horizonHours(), candidate, previous);
    if (plan.choice() != previous) {
      LOG.info(
          "Guard for {}: {} -> {} (skill {} over {} h)",
          key,
          previous,
          plan.choice(),
          plan.batch().guard() == null ? "n/a" : plan.batch().guard().skill(),
          plan.batch().guard() == null ? 0 : plan.batch().guard().scoredHours());
    }
    guardChoices.put(key, plan.choice());
    return plan.batch();
  }

  /**
   * The guard's memory after a restart: the choice of the last run stored in {@code forecasts} (the
   * baseline when it said {@code guard_baseline_better}), so the hysteresis holds across restarts;
   * the model when nothing recent is stored or InfluxDB cannot say.
   */
  private Choice restoredChoice(
      String building, String room, ForecastTarget target, Instant origin) {
    try {
      return StoredForecasts.lastServedByGuardBaseline(
              influx, building, room, target, origin, GUARD_MEMORY)
          .map(baseline -> baseline ? Choice.BASELINE : Choice.MODEL)
          .orElse(Choice.MODEL);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not read the guard's last choice for {}/{}/{}; starting from the model: {}",
          building,
          room == null ? "" : room,
          target.id(),
          e.toString());
      return Choice.MODEL;
    }
  }

  private List<AccuracyReport> accuracy(
      String building, ForecastTarget target, HourlySeries actuals, Instant origin) {
    Instant from = origin.minus(Duration.ofHours(config.accuracyWindowHours()));
    var stored = StoredForecasts.byHourAndLead(influx, building, target, from, origin);
    List<AccuracyReport> reports =
        AccuracyCalculator.computeAll(building, target, stored, actuals, from, origin);
    if (!reports.isEmpty()) {
      influx.write(reports.stream().map(ForecastPoints::accuracy).toList());
    }
    return reports;
  }

  private List<String> buildings() {
    if (!config.buildings().isEmpty()) {
      return config.buildings();
    }
    var found = new ArrayList<String>();
    var m = Schema.ROOM_METRICS;
    for (Series s :
        influx.query(
            InfluxQuery.of("SHOW TAG VALUES FROM ")
                .from(m)
                .text(" WITH KEY = ")
                .column(m.building))) {
      for (List<Object> row : s.values()) {
        String b = Series.string(row, s.column("value"));
        if (EntityId.isValid(b)) {
          found.add(b);
        } else {
          LOG.warn("Skipping building with an unsafe name: {}", b);
        }
      }
    }
    return found;
  }

  private Optional<ModelStore.Stored> loadModel(ForecastTarget target) {
    if (!ModelStore.exists(config.modelDir(), target.id())) {
      return Optional.empty();
    }
    try {
      return Optional.of(ModelStore.load(config.modelDir(), target.id()));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot load model {} from {}: {}", target.id(), config.modelDir(), e.toString());
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
    publisher.ifPresent(ForecastPublisher::close);
  }
}
