package nl.draagvlak.contract;

import java.util.List;
import nl.draagvlak.model.Department;
import nl.draagvlak.model.Involvement;
import nl.draagvlak.model.Resistance;

public record StakeholderInput(
        Department department,
        String name,
        Boolean affected,
        Involvement involvement,
        List<Resistance> resistance,
        Boolean trainingPlanned) {
}
