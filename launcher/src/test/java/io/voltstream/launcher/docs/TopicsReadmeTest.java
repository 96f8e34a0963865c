package io.voltstream.launcher.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.auth.TokenTopics;
import io.voltstream.model.Topic;
import io.voltstream.model.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The README's Kafka topics table is the {@link Topic} declarations rendered: adding or changing a
 * topic means changing its declaration and pasting the table this test prints when they differ.
 */
class TopicsReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String HEADER =
      "| Topic | Partitions | Cleanup | Key | Value | Written by | Read by |";

  @Test
  void shouldListEveryDeclaredTopicAsDeclared() throws IOException {
    List<Topic<String, ?>> topics = new ArrayList<>(Topics.all());
    topics.add(TokenTopics.TOKENS);

    assertThat(readmeTable())
        .as("README.md Kafka topics table; expected:%n%s", table(topics))
        .isEqualTo(table(topics));
  }

  @Test
  void shouldDocumentEveryTopic() {
    List<Topic<String, ?>> topics = new ArrayList<>(Topics.all());
    topics.add(TokenTopics.TOKENS);
    assertThat(topics)
        .allSatisfy(
            t ->
                assertThat(List.of(t.key(), t.value(), t.writtenBy(), t.readBy()))
                    .as(t.name())
                    .doesNotContain(""));
    assertThat(topics.stream().map(Topic::name)).doesNotHaveDuplicates();
  }

  static String table(List<Topic<String, ?>> topics) {
    StringBuilder b =
        new StringBuilder(HEADER).append('\n').append("|---|---|---|---|---|---|---|\n");
    for (Topic<String, ?> t : topics) {
      b.append("| `")
          .append(t.name())
          .append("` | ")
          .append(t.partitions())
          .append(" | ")
          .append(t.cleanup().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(t.key())
          .append(" | ")
          .append(t.value())
          .append(" | ")
          .append(t.writtenBy())
          .append(" | ")
          .append(t.readBy())
          .append(" |\n");
    }
    return b.toString();
  }

  private static String readmeTable() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int start = lines.indexOf(HEADER);
    assertThat(start).as("README.md has a table starting with " + HEADER).isNotNegative();
    StringBuilder b = new StringBuilder();
    for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      b.append(lines.get(i)).append('\n');
    }
    return b.toString();
  }
}
