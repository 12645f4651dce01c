package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;

import nl.draagvlak.model.Language;
import org.junit.jupiter.api.Test;

class AcceptLanguageTests {

    @Test
    void aDutchRegionTagIsDutch() {
        assertThat(AcceptLanguage.choose("nl-NL")).isEqualTo(Language.NL);
        assertThat(AcceptLanguage.choose("nl-BE,fr;q=0.5")).isEqualTo(Language.NL);
    }

    @Test
    void theHighestQualityServedLanguageWins() {
        assertThat(AcceptLanguage.choose("en;q=0.8,nl;q=0.9")).isEqualTo(Language.NL);
        assertThat(AcceptLanguage.choose("nl;q=0.2,en-GB;q=0.7")).isEqualTo(Language.EN);
        assertThat(AcceptLanguage.choose("fr-FR,fr;q=0.9,nl;q=0.5")).isEqualTo(Language.NL);
    }

    @Test
    void anAbsentHeaderIsEnglish() {
        assertThat(AcceptLanguage.choose(null)).isEqualTo(Language.EN);
        assertThat(AcceptLanguage.choose(" ")).isEqualTo(Language.EN);
    }

    @Test
    void anUnsupportedOrMalformedHeaderIsEnglish() {
        assertThat(AcceptLanguage.choose("fr-FR,de;q=0.5")).isEqualTo(Language.EN);
        assertThat(AcceptLanguage.choose("*")).isEqualTo(Language.EN);
        assertThat(AcceptLanguage.choose("nl;q=2,,;")).isEqualTo(Language.EN);
    }
}
