package nl.draagvlak.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One department the change may affect, at its position in the request's list. When the caller
 * left the whole list out, the rules see a single stand-in whose every field is unknown under
 * the path {@code stakeholders}: each per-stakeholder rule is then not assessed once, without a
 * subject (catalogue, precise reading 5).
 */
public final class Stakeholder implements Fact {

    private static final String WHOLE_LIST = "stakeholders";

    private final Integer index;
    private final Department department;
    private final String name;
    private final Boolean affected;
    private final Involvement involvement;
    private final Set<Resistance> resistance;
    private final Boolean trainingPlanned;

    public Stakeholder(int index, Department department, String name, Boolean affected, Involvement involvement,
                       Set<Resistance> resistance, Boolean trainingPlanned) {
        this.index = index;
        this.department = department;
        this.name = name;
        this.affected = affected;
        this.involvement = involvement;
        this.resistance = Set.copyOf(resistance);
        this.trainingPlanned = trainingPlanned;
    }

    private Stakeholder() {
        this.index = null;
        this.department = null;
        this.name = null;
        this.affected = null;
        this.involvement = null;
        this.resistance = null;
        this.trainingPlanned = null;
    }

    /** The stand-in for a stakeholder list the caller did not give. */
    public static Stakeholder ofUnknownList() {
        return new Stakeholder();
    }

    /** Whether this is an entry of the request's list (and not the stand-in for an unknown list). */
    public boolean isListed() {
        return index != null;
    }

    /** 0-based position in the request's list; null for the stand-in. */
    public Integer getIndex() { return index; }
    public String getName() { return name; }

    // Each Known is made the first time a rule asks for it and then kept: a fact lives for one
    // decision in one session, and several rules ask for the same field.
    private Known<Department> departmentKnown;
    public Known<Department> department() {
        if (departmentKnown == null) {
            departmentKnown = new Known<>(department, path("department"));
        }
        return departmentKnown;
    }
    private Known<Boolean> affectedKnown;
    public Known<Boolean> affected() {
        if (affectedKnown == null) {
            affectedKnown = new Known<>(affected, path("affected"));
        }
        return affectedKnown;
    }
    private Known<Involvement> involvementKnown;
    public Known<Involvement> involvement() {
        if (involvementKnown == null) {
            involvementKnown = new Known<>(involvement, path("involvement"));
        }
        return involvementKnown;
    }
    private Known<Boolean> trainingPlannedKnown;
    public Known<Boolean> trainingPlanned() {
        if (trainingPlannedKnown == null) {
            trainingPlannedKnown = new Known<>(trainingPlanned, path("trainingPlanned"));
        }
        return trainingPlannedKnown;
    }

    /** Whether this department was seen to resist in the given way; an absent resistance list means none seen. */
    public Check resists(Resistance kind) {
        return resistance == null ? Check.unknown(WHOLE_LIST) : Check.of(resistance.contains(kind));
    }

    private String path(String field) {
        return isListed() ? WHOLE_LIST + "[" + index + "]." + field : WHOLE_LIST;
    }

    @Override
    public String label() {
        return isListed() ? "Stakeholder[" + index + "]" : "Stakeholder[unknown list]";
    }

    @Override
    public Map<String, Object> snapshot() {
        List<Resistance> resistanceInOrder = resistance == null ? null
                : resistance.stream().sorted().toList();
        return new Snapshot().with("index", index).with("department", department).with("name", name)
                .with("affected", affected).with("involvement", involvement).with("resistance", resistanceInOrder)
                .with("trainingPlanned", trainingPlanned).build();
    }
}
