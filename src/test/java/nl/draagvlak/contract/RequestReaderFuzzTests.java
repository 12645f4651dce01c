package nl.draagvlak.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the body reader: whatever the bytes, it returns a request or refuses
 * it with errors that name a field in plain words; it never fails in any other way. Every build
 * runs the seed corpus (RequestReaderFuzzTestsInputs/); {@code JAZZER_FUZZ=1} fuzzes for real
 * (SECURITY.md has the command and the count of a longer run). Jazzer's working corpus,
 * {@code .cifuzz-corpus/}, is not committed.
 */
class RequestReaderFuzzTests {

    private final RequestReader reader = new RequestReader();

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsReadOrRefusedNamingAField(byte[] body) {
        try {
            DecisionRequest request = reader.read(body);
            assertThat(request.initiative()).isNotNull();
            assertThat(request.initiative().kind()).isNotNull();
            assertThat(request.initiative().organisationType()).isNotNull();
        } catch (InvalidRequestException refused) {
            assertThat(refused.errors()).isNotEmpty();
            for (FieldError error : refused.errors()) {
                assertThat(error.field()).as(error.toString()).isNotBlank();
                assertThat(error.message()).as(error.toString()).isNotBlank().doesNotContain("tools.jackson").doesNotContain("Exception")
                        .doesNotContain("StreamReadConstraints");
            }
        }
    }
}
