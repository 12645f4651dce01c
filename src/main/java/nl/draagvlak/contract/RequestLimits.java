package nl.draagvlak.contract;

/** The limits of {@code spec/decision-api.md}. */
public final class RequestLimits {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_INITIATIVE_NAME = 200;
    public static final int MAX_STAKEHOLDER_NAME = 100;
    public static final int MAX_STAKEHOLDERS = 100;
    public static final int MIN_LEAD_TIME_MONTHS = 0;
    public static final int MAX_LEAD_TIME_MONTHS = 600;

    private RequestLimits() {
    }
}
