package dev.cskit.examples.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cskit.examples.adapters.TestFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripeFixturesTest {

    private static final List<String> FILES = List.of("invoice.json",
            "subscription.created.json", "subscription.deleted.json",
            "subscription.updated.json");

    @Test
    void fixtures_matchTheHashesOfTheirReadme() {
        Map<String, String> listed = TestFiles.hashes(
                TestFiles.text("/adapters/stripe/README.md"));

        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(FILES);
        for (String file : FILES) {
            assertThat(TestFiles.sha256(TestFiles.bytes("/adapters/stripe/" + file)))
                    .as(file).isEqualTo(listed.get(file));
        }
    }

    @Test
    void fixtures_matchTheSharedDataCatalogue() {
        Optional<String> catalogue = TestFiles.sharedDataReadme();
        assumeTrue(catalogue.isPresent(), "no ../shared/data/README.md beside this checkout");
        Map<String, String> shared = TestFiles.hashes(catalogue.get());

        for (String file : FILES) {
            assertThat(TestFiles.sha256(TestFiles.bytes("/adapters/stripe/" + file)))
                    .as(file).isEqualTo(shared.get("crm/stripe/" + file));
        }
    }
}
