package nl.draagvlak.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parser's own limits are the reader's, and their errors name the field, not Jackson's classes. */
class RequestReaderLimitsTests {

    private static final String INITIATIVE = "{\"initiative\":{\"kind\":\"OTHER_CHANGE\",\"organisationType\":\"COMPANY\",";

    private static FieldError errorOf(String body) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> new RequestReader().read(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void aNumberOfMoreThan32DigitsIsRefusedByTheParserNamingItsField() {
        FieldError error = errorOf(INITIATIVE + "\"leadTimeMonths\":" + "9".repeat(40) + "}}");
        assertThat(error.field()).isEqualTo("initiative.leadTimeMonths");
        assertThat(error.message()).isEqualTo("has a number longer than 32 characters");
    }

    @Test
    void aDocumentLongerThanTheBodyLimitIsRefusedByTheParserWithoutNamingJacksonsClasses() {
        FieldError error = errorOf(INITIATIVE + "\"name\":\"" + "x".repeat(RequestLimits.MAX_BODY_BYTES) + "\"}}");
        assertThat(error.field()).isEqualTo("$");
        assertThat(error.message()).isEqualTo("is longer than " + RequestLimits.MAX_BODY_BYTES + " bytes")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void aPropertyNameLongerThan256CharactersIsRefused() {
        FieldError error = errorOf(INITIATIVE + "\"" + "n".repeat(300) + "\":1}}");
        assertThat(error.message()).isEqualTo("has a property name longer than 256 characters");
    }

    @Test
    void aDuplicateEmptyPropertyNameIsNamedNotBlank() { // found by RequestReaderFuzzTests
        FieldError error = errorOf("{\"\":1,\"\":2}");
        assertThat(error.field()).isEqualTo("\"\"");
        assertThat(error.message()).isEqualTo("appears twice in the same object");
    }

    @Test
    void aBodyThatIsNotValidUtf8IsRefusedEvenWhereJacksonWouldReadIt() {
        byte[] body = (INITIATIVE + "\"name\":\"x\u0080x\"}}").getBytes(StandardCharsets.ISO_8859_1);
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> new RequestReader().read(body));
        assertThat(e).isNotNull();
        assertThat(e.errors().get(0).field()).isEqualTo("$");
        assertThat(e.errors().get(0).message()).startsWith("is not valid UTF-8");
    }
}
