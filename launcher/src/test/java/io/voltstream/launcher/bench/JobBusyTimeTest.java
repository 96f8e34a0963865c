package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobBusyTimeTest {

  @Test
  void shouldSumTheAggregatedFiguresAndIgnoreNaN() {
    assertThat(JobBusyTime.sumOf("[{\"id\":\"busyTimeMsPerSecond\",\"sum\":812.5}]"))
        .isEqualTo(812.5);
    assertThat(JobBusyTime.sumOf("[{\"id\":\"busyTimeMsPerSecond\",\"sum\":NaN}]")).isZero();
    assertThat(JobBusyTime.sumOf("[]")).isZero();
  }

  @Test
  void shouldPrintJobsInTheGivenOrder() {
    Map<String, Double> byJob = new LinkedHashMap<>();
    byJob.put("raw-readings", 812.4);
    byJob.put("alerts", 40.0);
    assertThat(JobBusyTime.line(byJob)).endsWith("): raw-readings 812, alerts 40");
  }
}
