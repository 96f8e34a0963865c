package io.voltstream.forecast.cli;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.evaluation.IntervalMetrics;
import io.voltstream.forecast.evaluation.Metrics;
import io.voltstream.forecast.evaluation.RollingOriginEvaluator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints and serialises a rolling-origin report: one row per fold, then the pooled figures (all
 * folds' hours together), the mean and the worst fold skill, and the P10/P90 scores per fold (each
 * fold's quantiles come from residuals before that fold) and pooled (hour-weighted).
 */
final class FoldEvaluation {
  private final RollingOriginEvaluator.Report report;
  private final String modelId;
  private final Map<Integer, Optional<IntervalMetrics>> intervals = new LinkedHashMap<>();

  FoldEvaluation(
      RollingOriginEvaluator.Report report, Map<Integer, CalibratedModel> models, String modelId) {
    this.report = report;
    this.modelId = modelId;
    for (var f : report.folds()) {
      intervals.put(f.fold().number(), models.get(f.fold().number()).score(f.paired(), modelId));
    }
  }

  void print(PrintWriter out) {
    out.printf(
        "rolling origin: %d folds, each trained only on the data before it%n",
        report.folds().size());
    out.printf(
        "%4s %-10s %-10s %5s %9s %9s %8s %8s %8s %8s %7s%n",
        "fold",
        "from",
        "to",
        "hours",
        "NRMSE %",
        "ens NRMSE",
        "skill",
        "pin P10",
        "pin P50",
        "pin P90",
        "cov80 %");
    for (var f : report.folds()) {
      Metrics m = f.report().metrics().get(modelId);
      Metrics e = f.report().metrics().get(Baselines.PERSISTENCE_ENSEMBLE);
      Optional<IntervalMetrics> i = intervals.get(f.fold().number());
      out.printf(
          "%4d %-10s %-10s %5d %9.2f %9.2f %8.3f %s%n",
          f.fold().number(),
          f.fold().from().toString().substring(0, 10),
          f.fold().to().minusSeconds(1).toString().substring(0, 10),
          m.hours(),
          m.nrmse(),
          e.nrmse(),
          m.skill(),
          i.map(
                  v ->
                      String.format(
                          "%8.2f %8.2f %8.2f %7.1f",
                          v.pinballP10(), v.pinballP50(), v.pinballP90(), 100 * v.coverage80()))
              .orElse("     n/a      n/a      n/a     n/a"));
    }
    out.println("pooled over all folds:");
    EvaluateCommand.printTable(out, report.pooled(), modelId);
    out.printf(
        "skill vs persistence ensemble: pooled %.3f, mean of folds %.3f, worst fold %.3f (fold"
            + " %d)%n",
        report.pooled().metrics().get(modelId).skill(),
        report.meanSkill(modelId),
        report.worstSkill(modelId),
        worstFold());
    pooledInterval()
        .ifPresent(
            i ->
                out.printf(
                    "P10/P90 pooled (%d h): pinball P10 %.2f, P50 %.2f, P90 %.2f; 80 %% interval"
                        + " coverage %.1f %%%n",
                    i.hours(),
                    i.pinballP10(),
                    i.pinballP50(),
                    i.pinballP90(),
                    100 * i.coverage80()));
  }

  /** The single-split shape (pooled figures) plus folds, mean and worst skill, and intervals. */
  Map<String, Object> json() {
    Map<String, Object> root = EvaluateCommand.jsonResult(report.pooled(), modelId);
    root.put("interval", pooledInterval().map(EvaluateCommand::intervalFigures).orElse(null));
    var folds = new ArrayList<Map<String, Object>>();
    for (var f : report.folds()) {
      var fold = new LinkedHashMap<String, Object>();
      fold.put("fold", f.fold().number());
      fold.put("from", f.fold().from().toString());
      fold.put("to", f.fold().to().toString());
      fold.put("hours", f.report().hours());
      fold.put("model", EvaluateCommand.figures(f.report().metrics().get(modelId)));
      fold.put(
          "persistence_ensemble",
          EvaluateCommand.figures(f.report().metrics().get(Baselines.PERSISTENCE_ENSEMBLE)));
      fold.put(
          "interval",
          intervals.get(f.fold().number()).map(EvaluateCommand::intervalFigures).orElse(null));
      folds.add(fold);
    }
    root.put("folds", folds);
    root.put("mean_skill", EvaluateCommand.round(report.meanSkill(modelId)));
    root.put("worst_skill", EvaluateCommand.round(report.worstSkill(modelId)));
    root.put("worst_fold", worstFold());
    return root;
  }

  private int worstFold() {
    double worst = report.worstSkill(modelId);
    return report.folds().stream()
        .filter(f -> f.report().metrics().get(modelId).skill() == worst)
        .findFirst()
        .orElseThrow()
        .fold()
        .number();
  }

  /** Hour-weighted means over the folds that have quantiles; empty when none has. */
  private Optional<IntervalMetrics> pooledInterval() {
    List<IntervalMetrics> present = intervals.values().stream().flatMap(Optional::stream).toList();
    if (present.isEmpty()) {
      return Optional.empty();
    }
    double p10 = 0;
    double p50 = 0;
    double p90 = 0;
    double cov = 0;
    int hours = 0;
    for (IntervalMetrics i : present) {
      p10 += i.pinballP10() * i.hours();
      p50 += i.pinballP50() * i.hours();
      p90 += i.pinballP90() * i.hours();
      cov += i.coverage80() * i.hours();
      hours += i.hours();
    }
    return Optional.of(
        new IntervalMetrics(p10 / hours, p50 / hours, p90 / hours, cov / hours, hours));
  }
}
