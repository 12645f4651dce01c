package nl.draagvlak.decision;

import java.util.List;
import java.util.Locale;
import nl.draagvlak.model.Language;

/**
 * The language of the findings, chosen from {@code Accept-Language} as browsers send it: ranges
 * with q-values and region tags ({@code nl-NL,nl;q=0.9,en;q=0.8}). Matching is RFC 4647 lookup,
 * so {@code nl-NL} and {@code nl-BE} find Dutch; English when the header is absent, malformed or
 * names no language served.
 */
public final class AcceptLanguage {

    private static final List<String> SERVED = List.of("en", "nl");

    private AcceptLanguage() {
    }

    public static Language choose(String header) {
        if (header == null || header.isBlank()) {
            return Language.EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            String tag = Locale.lookupTag(ranges.stream().filter(range -> !range.getRange().equals("*")).toList(),
                    SERVED);
            return Language.ofTag(tag);
        } catch (IllegalArgumentException malformed) {
            return Language.EN;
        }
    }
}
