package nl.draagvlak.model;

/** The languages findings are written in: each finding rule carries its message in both. */
public enum Language {
    EN, NL;

    /** The language tag, as {@code Content-Language} and the answer's {@code language} say it. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The language of a tag ({@code en}, {@code nl}); English for null or anything else. */
    public static Language ofTag(String tag) {
        return "nl".equalsIgnoreCase(tag) ? NL : EN;
    }
}
