package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetVersion;
import nl.draagvlak.support.RuleEdits;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

/** A change is a candidate only once the folder has been quiet for the quiet period, on a clock the test turns. */
class FolderWatchTests {

    private final Path rules = RuleFolders.copyOfProjectRules();
    private final AtomicLong clock = new AtomicLong();
    private final FolderWatch watch = new FolderWatch(rules, Duration.ofSeconds(1), clock::get);
    private final String seen = RulesetVersion.of(RuleFolder.read(rules));

    private void advance(long millis) {
        clock.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void aChangeIsTakenOnlyAfterTheQuietPeriod() {
        assertThat(watch.poll(seen)).isEmpty();
        String edited = new RuleEdits(rules).good(1);
        assertThat(watch.poll(seen)).as("just changed").isEmpty();
        advance(900);
        assertThat(watch.poll(seen)).as("quiet for 0.9 s").isEmpty();
        advance(100);
        assertThat(watch.poll(seen)).hasValueSatisfying(files ->
                assertThat(RulesetVersion.of(files)).isEqualTo(edited));
    }

    @Test
    void aFileWrittenInTwoStepsWithAPauseShorterThanTheQuietPeriodIsNeverTakenHalfWay() throws IOException {
        RuleEdits edits = new RuleEdits(rules);
        String full = edits.original().replace(RuleEdits.MESSAGE, "bring it along, now.");
        String half = full.substring(0, full.length() / 2);
        assertThat(watch.poll(seen)).isEmpty();
        Files.writeString(edits.file(), half);
        for (int i = 0; i < 6; i++) {
            advance(100);
            assertThat(watch.poll(seen)).as("half-way, at %d ms", (i + 1) * 100).isEmpty();
        }
        Files.writeString(edits.file(), full);
        String expected = edits.folderVersion();
        assertThat(watch.poll(seen)).as("just written in full").isEmpty();
        for (int i = 0; i < 9; i++) {
            advance(100);
            assertThat(watch.poll(seen)).as("written in full %d ms ago", (i + 1) * 100).isEmpty();
        }
        advance(100);
        assertThat(watch.poll(seen)).hasValueSatisfying(files ->
                assertThat(RulesetVersion.of(files)).isEqualTo(expected));
    }

    @Test
    void aFolderAsLastSeenIsNoCandidate() {
        for (int i = 0; i < 5; i++) {
            assertThat(watch.poll(seen)).isEmpty();
            advance(1000);
        }
    }
}
