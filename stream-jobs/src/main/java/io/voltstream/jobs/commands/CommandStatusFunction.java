package io.voltstream.jobs.commands;

import io.voltstream.jobs.commands.logic.CommandTracking;
import io.voltstream.jobs.commands.logic.StatusChange;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandAck;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins commands and acknowledgements by {@code command_id} (thin adapter over {@link
 * CommandTracking}). Per command: the command and, when the ack came first, the buffered ack.
 *
 * <p><b>Processing-time timers, deliberately.</b> A timeout must fire when nothing else arrives: an
 * unanswered command is exactly the case where no ack moves anything, and with event-time timers
 * the watermark of a quiet {@code commands}/{@code command-acks} pair would stall and the timeout
 * would never fire. Deadlines are absolute instants taken from the command ({@code issued_at +
 * ackTimeout}, {@code valid_until}), which live issuers stamp from the wall clock, so a
 * processing-time timer at that instant fires when the deadline really passes. Flink snapshots
 * processing-time timers with the keyed state; on restore a timer whose time has already passed
 * fires at once, so a job that was down past a deadline resolves the command immediately after the
 * restore instead of forgetting it. An ack that arrives before its command is buffered until the
 * command comes or {@code orphanAckTtl} passes. The histogram {@value #ACK_LATENCY_METRIC} holds
 * the issue → acknowledgement latency of the answered commands.
 *
 * <p>State is cleared with the final status (applied, rejected, expired, timeout). A duplicate of a
 * command after its final status starts a new tracking round (commands are written once; duplicates
 * only come from retries of at-least-once writers).
 */
public class CommandStatusFunction
    extends KeyedCoProcessFunction<String, Command, CommandAck, StatusChange> {

  private final Duration ackTimeout;
  private final Duration orphanAckTtl;
  private transient ValueState<Command> command;
  private transient ValueState<CommandAck> earlyAck;
  private transient ValueState<Long> timerMs;
  private transient Histogram ackLatencyMs;

  /** Operator histogram: command issued → acknowledgement [ms] of applied and rejected commands. */
  public static final String ACK_LATENCY_METRIC = "commandAckLatencyMs";

  public CommandStatusFunction(Duration ackTimeout, Duration orphanAckTtl) {
    this.ackTimeout = ackTimeout;
    this.orphanAckTtl = orphanAckTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    command =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("command", TypeInformation.of(Command.class)));
    earlyAck =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("early-ack", TypeInformation.of(CommandAck.class)));
    timerMs = getRuntimeContext().getState(new ValueStateDescriptor<>("timer-ms", Types.LONG));
    ackLatencyMs =
        getRuntimeContext()
            .getMetricGroup()
            .histogram(ACK_LATENCY_METRIC, new DescriptiveStatisticsHistogram(1024));
  }

  @Override
  public void processElement1(Command c, Context ctx, Collector<StatusChange> out)
      throws Exception {
    if (command.value() != null) {
      return; // a duplicate of a command still pending
    }
    CommandAck ack = earlyAck.value();
    if (ack != null) {
      out.collect(CommandTracking.pending(c));
      finish(CommandTracking.answered(c, ack), ctx, out);
      return;
    }
    command.update(c);
    out.collect(CommandTracking.pending(c));
    setTimer(CommandTracking.deadline(c, ackTimeout).toEpochMilli(), ctx);
  }

  @Override
  public void processElement2(CommandAck ack, Context ctx, Collector<StatusChange> out)
      throws Exception {
    Command c = command.value();
    if (c != null) {
      finish(CommandTracking.answered(c, ack), ctx, out);
    } else if (earlyAck.value() == null) {
      earlyAck.update(ack);
      setTimer(ctx.timerService().currentProcessingTime() + orphanAckTtl.toMillis(), ctx);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<StatusChange> out)
      throws Exception {
    Command c = command.value();
    if (c != null) {
      out.collect(CommandTracking.unanswered(c, ackTimeout));
    }
    clear(); // an orphan ack whose command never came is dropped here: its state must not live
    // forever
  }

  private void finish(StatusChange status, Context ctx, Collector<StatusChange> out)
      throws Exception {
    out.collect(status);
    if (status.ackLatencyMs() != null) {
      ackLatencyMs.update(status.ackLatencyMs());
    }
    Long timer = timerMs.value();
    if (timer != null) {
      ctx.timerService().deleteProcessingTimeTimer(timer);
    }
    clear();
  }

  private void setTimer(long atMs, Context ctx) throws Exception {
    Long previous = timerMs.value();
    if (previous != null) {
      ctx.timerService().deleteProcessingTimeTimer(previous);
    }
    timerMs.update(atMs);
    ctx.timerService().registerProcessingTimeTimer(atMs);
  }

  private void clear() {
    command.clear();
    earlyAck.clear();
    timerMs.clear();
  }
}
