package nl.draagvlak.scenario;

/** A scenario file is not in the expected shape. */
public final class ScenarioFormatException extends RuntimeException {

    public ScenarioFormatException(String file, String message) {
        super(file + ": " + message);
    }
}
