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
    void eachAgencysOwnTopicsAreUnderItsPrefixAndReferralServicesPatternsFindThem() {
        assertThat(Topics.ofAgency("dinsos-1608")).allSatisfy(topic ->
                assertThat(Topics.agencyOf(topic.name())).contains("dinsos-1608"));
        assertThat(Topics.intake("dinsos-1608", Urgency.NORMAL)).matches(Topics.INTAKE_PATTERN)
                .doesNotMatch(Topics.INTAKE_URGENT_PATTERN);
        assertThat(Topics.intake("dinsos-1608", Urgency.EMERGENCY)).matches(Topics.INTAKE_URGENT_PATTERN)
                .doesNotMatch(Topics.INTAKE_PATTERN);
        // the broker's prefix of one agency never covers another's whose id starts with it
        assertThat(Topics.intake("dinsos-16081", Urgency.NORMAL))
                .doesNotStartWith(Topics.AGENCY_PREFIX + "dinsos-1608.");
        assertThat(Topics.ALL).noneMatch(topic -> topic.name().startsWith(Topics.AGENCY_PREFIX));
        assertThat(Topics.agencyOf(Topics.REFERRAL_LIFECYCLE)).isEmpty();
    }
}
