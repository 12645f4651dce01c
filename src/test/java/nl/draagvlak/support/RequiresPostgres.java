package nl.draagvlak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the test class only when a PostgreSQL server can be had ({@code DRAAGVLAK_TEST_JDBC_URL} or
 * Docker for Testcontainers); otherwise skips it and prints why. For classes that need the
 * database before any test method runs (e.g. in a Spring property source).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String url = System.getenv(TestDatabases.ENV);
            if (url != null && !url.isBlank()) {
                return ConditionEvaluationResult.enabled(TestDatabases.ENV + " is set");
            }
            boolean docker;
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                docker = false;
            }
            if (docker) {
                return ConditionEvaluationResult.enabled("Docker is available for Testcontainers");
            }
            String reason = "PostgreSQL tests skipped: " + TestDatabases.ENV + " is not set and no Docker engine is"
                    + " available for Testcontainers (.ci/run sets " + TestDatabases.ENV + ")";
            System.out.println(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
