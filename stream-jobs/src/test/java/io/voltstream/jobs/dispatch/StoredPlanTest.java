package io.voltstream.jobs.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class StoredPlanTest {

  @Test
  void shouldKeepAPlanThroughThePojoSerializerWithoutKryo() throws Exception {
    Plan plan =
        new Plan(
            Instant.parse("2026-04-15T10:00:00Z"),
            Duration.ofMinutes(15),
            List.of(100.0, -200.0),
            List.of(300.0, 400.0),
            List.of(50.0, 49.5),
            400.0,
            1.25);
    TypeInformation<StoredPlan> info = TypeInformation.of(StoredPlan.class);
    assertThat(info).isInstanceOf(PojoTypeInfo.class);
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.configure(conf, getClass().getClassLoader());
    TypeSerializer<StoredPlan> serializer = info.createSerializer(config);

    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(StoredPlan.of(plan), out);
    StoredPlan copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(copy.toPlan()).isEqualTo(plan);
  }
}
