package io.voltstream.api.influx;

import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import java.util.List;

/** Runs one InfluxQL read; the seam between the query services and InfluxDB (real or cached). */
@FunctionalInterface
public interface InfluxReader {
  List<Series> query(InfluxQuery query);
}
