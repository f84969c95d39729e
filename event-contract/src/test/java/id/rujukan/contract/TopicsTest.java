package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUniqueAndVersionedOrDeadLetters() {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names).allMatch(name -> name.matches("rujukan\\.[a-z-]+\\.v[0-9]+")
                || name.matches("rujukan\\.dead-letter\\.[a-z-]+"));
    }

    @Test
    void everyServiceThatReadsATopicHasADeadLetterTopic() {
        List<String> readers = Topics.ALL.stream().flatMap(topic -> topic.readers().stream())
                .filter(reader -> !reader.equals("operators")).distinct().toList();
        assertThat(readers).isNotEmpty().allSatisfy(reader -> assertThat(Topics.ALL)
                .anyMatch(topic -> topic.name().equals("rujukan.dead-letter." + reader)));
    }

    @Test
    void theReadmeDocumentsEveryTopicWithItsPartitions() throws IOException {
        // tests run in the module's directory
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Topic topic : Topics.ALL) {
            assertThat(readme).contains("| `" + topic.name() + "` | " + topic.partitions() + " |");
        }
    }

    @Test
    void theDirectoryKeepsTheLatestRecordPerAgencyForever() {
        Topic directory = Topics.ALL.stream().filter(t -> t.name().equals(Topics.AGENCY_DIRECTORY)).findFirst()
                .orElseThrow();
        assertThat(directory.cleanupPolicy()).isEqualTo("compact");
        assertThat(directory.retention()).isEqualTo(Topic.FOREVER);
    }

    @Test
    void eachAgencysOwnTopicsAreOneOfEachKindAndOnlyThatKindsPatternFindsThem() {
        List<Topic> own = Topics.ofAgency("dinsos-1608");
        assertThat(own).allSatisfy(topic -> assertThat(Topics.agencyOf(topic.name())).contains("dinsos-1608"));
        List<String> patterns = List.of(Topics.INTAKE_PATTERN, Topics.INTAKE_URGENT_PATTERN, Topics.LIFECYCLE_PATTERN,
                Topics.NOTIFICATION_STATUS_PATTERN);
        assertThat(own).map(Topic::name).containsExactly(Topics.intake("dinsos-1608", Urgency.NORMAL),
                Topics.intake("dinsos-1608", Urgency.EMERGENCY), Topics.lifecycle("dinsos-1608"),
                Topics.notificationStatus("dinsos-1608"));
        for (int i = 0; i < own.size(); i++) {
            String name = own.get(i).name();
            // each kind's prefix (a service's ACL) and pattern (its subscription) take that kind only
            assertThat(name).startsWith(Topics.AGENCY_TOPIC_PREFIXES.get(i));
            for (int j = 0; j < patterns.size(); j++) {
                assertThat(name.matches(patterns.get(j))).as(name + " ~ " + patterns.get(j)).isEqualTo(i == j);
                assertThat(name.startsWith(Topics.AGENCY_TOPIC_PREFIXES.get(j))).as(name).isEqualTo(i == j);
            }
        }
        assertThat(Topics.ALL).noneMatch(topic -> Topics.agencyOf(topic.name()).isPresent());
        assertThat(Topics.agencyOf("rujukan.lifecycle.dinsos-1608.extra.v1")).isEmpty();
    }
}
