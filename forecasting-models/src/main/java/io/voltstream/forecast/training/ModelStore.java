package io.voltstream.forecast.training;

import io.voltstream.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves and loads a model as two files in one directory: {@code <name>.model} (Tribuo protobuf
 * format, with its provenance) and {@code <name>.json} ({@link ModelMetadata}).
 */
public final class ModelStore {
  private ModelStore() {}

  /** A model and its metadata, loaded together. */
  public record Stored(ModelMetadata metadata, FittedRegressor regressor) {}

  public static Path modelFile(Path dir, String name) {
    return dir.resolve(name + ".model");
  }

  public static Path metadataFile(Path dir, String name) {
    return dir.resolve(name + ".json");
  }

  public static void save(Path dir, String name, FittedRegressor regressor, ModelMetadata metadata)
      throws IOException {
    Files.createDirectories(dir);
    regressor.save(modelFile(dir, name));
    Json.MAPPER
        .writerWithDefaultPrettyPrinter()
        .writeValue(metadataFile(dir, name).toFile(), metadata);
  }

  public static boolean exists(Path dir, String name) {
    return Files.isRegularFile(modelFile(dir, name))
        && Files.isRegularFile(metadataFile(dir, name));
  }

  public static Stored load(Path dir, String name) throws IOException {
    ModelMetadata metadata =
        Json.MAPPER.readValue(metadataFile(dir, name).toFile(), ModelMetadata.class);
    FittedRegressor regressor = TribuoRegressor.load(modelFile(dir, name), metadata.featureNames());
    return new Stored(metadata, regressor);
  }
}
