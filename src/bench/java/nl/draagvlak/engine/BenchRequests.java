package nl.draagvlak.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import nl.draagvlak.contract.ChangeStrategyInput;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.DesignStrategyInput;
import nl.draagvlak.contract.EngagementInput;
import nl.draagvlak.contract.InitiativeInput;
import nl.draagvlak.contract.PreconditionsInput;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.contract.StakeholderInput;
import nl.draagvlak.contract.SuccessFactorsInput;
import nl.draagvlak.model.Ambition;
import nl.draagvlak.model.ChannelScope;
import nl.draagvlak.model.Department;
import nl.draagvlak.model.Direction;
import nl.draagvlak.model.InitiativeKind;
import nl.draagvlak.model.Involvement;
import nl.draagvlak.model.ItEngagement;
import nl.draagvlak.model.Level;
import nl.draagvlak.model.Management;
import nl.draagvlak.model.OrganisationType;
import nl.draagvlak.model.Resistance;
import nl.draagvlak.model.Rollout;
import nl.draagvlak.model.StartingPoint;
import nl.draagvlak.model.UseCase;

/**
 * The requests the benchmarks decide.
 * <ul>
 * <li>{@code healthy}: a complete plan that is READY, one INFO finding (bench-requests/healthy.json,
 * the same plan as test-cases/verdict/ready-when-everything-is-in-place.yaml);</li>
 * <li>{@code typical}: a municipal multichannel migration with a Next Best Action part, four
 * stakeholders and about ten findings (bench-requests/typical.json; the HTTP load test posts it too);</li>
 * <li>{@code worst}: every rule that can fire fires, with 100 stakeholders (the contract's maximum).</li>
 * </ul>
 */
public final class BenchRequests {

    public static final List<String> NAMES = List.of("healthy", "typical", "worst");

    private static final RequestReader READER = new RequestReader();

    private BenchRequests() {
    }

    public static DecisionRequest named(String name) {
        return switch (name) {
            case "healthy", "typical" -> READER.read(json(name));
            case "worst" -> worst(100);
            default -> throw new IllegalArgumentException("no bench request named " + name);
        };
    }

    /** The JSON body of a request kept under bench-requests/ on the class path. */
    public static byte[] json(String name) {
        try (InputStream in = BenchRequests.class.getResourceAsStream("/bench-requests/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no bench-requests/" + name + ".json on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The worst case with {@code count} stakeholders. Every plan-level rule that can fire does, choosing
     * the heavier side where two exclude each other (a project-run migration rather than a process, a
     * front-office start rather than a back-office one, IT sent a backlog request rather than a mandate,
     * a change strategy given so that MIG-NO-CHANGE-STRATEGY cannot fire); the lead time is left unknown
     * so that MIG-CHOICE-FACTORS fires while MIG-RADICAL-SHORT-LEADTIME still fires on LOW resources.
     * Stakeholders cycle through marketing and both call centres (so every Next Best Action rule fires)
     * and five other departments; every one is affected, alternately not involved and only informed,
     * with every kind of resistance and no training planned.
     */
    public static DecisionRequest worst(int count) {
        List<StakeholderInput> stakeholders = new ArrayList<>(count);
        Department[] departments = {Department.MARKETING, Department.CALL_CENTER_INBOUND,
                Department.CALL_CENTER_OUTBOUND, Department.IT, Department.BUSINESS_MANAGEMENT,
                Department.BACK_OFFICE, Department.FRONT_OFFICE, Department.FINANCE};
        List<Resistance> everyResistance = List.copyOf(EnumSet.allOf(Resistance.class));
        for (int i = 0; i < count; i++) {
            stakeholders.add(new StakeholderInput(departments[i % departments.length], "Department " + (i + 1), true,
                    i % 2 == 0 ? Involvement.NONE : Involvement.INFORMED, everyResistance, false));
        }
        return new DecisionRequest(
                new InitiativeInput("Everything at once", InitiativeKind.MULTICHANNEL_MIGRATION,
                        OrganisationType.MUNICIPALITY, UseCase.NEXT_BEST_ACTION, null, Level.LOW, Level.LOW, true),
                new DesignStrategyInput(StartingPoint.FRONT_OFFICE, ChannelScope.ALL_AT_ONCE, Ambition.RADICAL_REDESIGN),
                new ChangeStrategyInput(Rollout.BIG_BANG, Direction.TOP_DOWN, Management.PROJECT, null, false),
                new SuccessFactorsInput(false, false, false, false),
                new PreconditionsInput(false, false, false, false),
                stakeholders,
                new EngagementInput(false, ItEngagement.BACKLOG_REQUEST, true, false, false, true, false, false));
    }

    /** The folder the catalogue's rules are read from: -Ddraagvlak.rules.dir, else ./rules. */
    public static Path rulesDir() {
        Path dir = Path.of(System.getProperty("draagvlak.rules.dir", "rules"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("rules folder " + dir.toAbsolutePath()
                    + " not found: run the benchmarks from the repository root or set -Ddraagvlak.rules.dir");
        }
        return dir;
    }
}
