package nl.draagvlak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.draagvlak.audit.VerificationJobs;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.RequestLimits;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.model.Ambition;
import nl.draagvlak.model.ChannelScope;
import nl.draagvlak.model.Department;
import nl.draagvlak.model.Direction;
import nl.draagvlak.model.FindingType;
import nl.draagvlak.model.InitiativeKind;
import nl.draagvlak.model.Involvement;
import nl.draagvlak.model.ItEngagement;
import nl.draagvlak.model.Level;
import nl.draagvlak.model.Management;
import nl.draagvlak.model.OrganisationType;
import nl.draagvlak.model.Resistance;
import nl.draagvlak.model.Responsibility;
import nl.draagvlak.model.Rollout;
import nl.draagvlak.model.Severity;
import nl.draagvlak.model.StartingPoint;
import nl.draagvlak.model.UseCase;
import nl.draagvlak.model.Verdict;
import nl.draagvlak.view.DecisionView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI description served at {@code /openapi.yaml} is checked against the code that serves
 * the API, so the two cannot drift apart: enums against the Java enums, schemas against the
 * records that are read and written, limits against {@link RequestLimits}, paths and parameters
 * against the controllers' mappings. No Spring context is started.
 */
class OpenApiDescriptionTests {

    private static final String RESOURCE = "/static/openapi.yaml";
    private static final String SCHEMAS = "#/components/schemas/";

    /** The enums a request may carry, each described by a component schema of the same name. */
    private static final List<Class<? extends Enum<?>>> REQUEST_ENUMS = List.of(InitiativeKind.class,
            OrganisationType.class, UseCase.class, Level.class, StartingPoint.class, ChannelScope.class,
            Ambition.class, Rollout.class, Direction.class, Management.class, Responsibility.class,
            Department.class, Involvement.class, Resistance.class, ItEngagement.class);

    /** The enums responses carry, by the component schema that describes each. */
    private static final Map<String, Class<? extends Enum<?>>> RESPONSE_ENUMS = Map.of(
            "Verdict", Verdict.class, "FindingType", FindingType.class, "Severity", Severity.class,
            "RuleRole", RuleInfo.Role.class, "VerificationState", VerificationJobs.State.class);

    /** Request schemas are named after the contract records; these fields must be sent. */
    private static final Map<String, Set<String>> REQUIRED_REQUEST_FIELDS = Map.of(
            "DecisionRequest", Set.of("initiative"),
            "InitiativeInput", Set.of("kind", "organisationType"),
            "StakeholderInput", Set.of("department"));

    /** The response schemas, by the record the code serialises for each. */
    private static final Map<String, String> RESPONSE_RECORDS = Map.ofEntries(
            Map.entry("DecisionView", DecisionView.class.getName()),
            Map.entry("DecisionRuleset", DecisionView.RulesetView.class.getName()),
            Map.entry("Finding", DecisionView.FindingView.class.getName()),
            Map.entry("NotAssessed", DecisionView.NotAssessedView.class.getName()),
            Map.entry("TraceEntry", DecisionView.TraceView.class.getName()),
            Map.entry("RulesListing", "nl.draagvlak.decision.RulesController$RulesetView"),
            Map.entry("Rule", "nl.draagvlak.decision.RulesController$RuleView"),
            Map.entry("RulesetStatus", "nl.draagvlak.ruleset.web.RulesetController$StatusView"),
            Map.entry("ActiveVersion", "nl.draagvlak.ruleset.web.RulesetController$ActiveView"),
            Map.entry("CandidateOutcome", "nl.draagvlak.ruleset.CandidateOutcome"),
            Map.entry("RuleProblem", "nl.draagvlak.engine.RuleProblem"),
            Map.entry("RulesetVersions", "nl.draagvlak.ruleset.web.RulesetController$Versions"),
            Map.entry("RulesetVersion", "nl.draagvlak.ruleset.web.RulesetController$VersionView"),
            Map.entry("RulesetDiff", "nl.draagvlak.ruleset.RulesetDiff$Result"),
            Map.entry("ChangedRule", "nl.draagvlak.ruleset.RulesetDiff$Changed"),
            Map.entry("ImpactReport", "nl.draagvlak.ruleset.ImpactAnalysis$Report"),
            Map.entry("ImpactFindings", "nl.draagvlak.ruleset.ImpactAnalysis$Findings"),
            Map.entry("RuleUsageListing", "nl.draagvlak.ruleset.web.UsageController$UsageView"),
            Map.entry("RuleUsage", "nl.draagvlak.ruleset.web.UsageController$RuleUsage"),
            Map.entry("StoredDecision", "nl.draagvlak.audit.web.AuditController$DecisionRecordView"),
            Map.entry("StoredTraceEntry", "nl.draagvlak.decision.TraceRecord"),
            Map.entry("MatchedFact", "nl.draagvlak.decision.TraceRecord$MatchedFact"),
            Map.entry("DecisionPage", "nl.draagvlak.audit.web.AuditController$Page"),
            Map.entry("DecisionSummary", "nl.draagvlak.audit.web.AuditController$DecisionSummary"),
            Map.entry("RulesetFiles", "nl.draagvlak.audit.web.AuditController$RulesetFiles"),
            Map.entry("ReplayResult", "nl.draagvlak.audit.DecisionReplay$Result"),
            Map.entry("Difference", "nl.draagvlak.audit.DecisionReplay$Difference"),
            Map.entry("VerifyResult", "nl.draagvlak.audit.ChainVerifier$Result"),
            Map.entry("BrokenRecord", "nl.draagvlak.audit.ChainVerifier$Broken"),
            Map.entry("ChainHead", "nl.draagvlak.audit.ChainVerifier$Head"),
            Map.entry("Verification", "nl.draagvlak.audit.web.AuditController$Verification"),
            Map.entry("RulesetFile", "nl.draagvlak.audit.web.RulesetFileView"),
            Map.entry("Remedies", "nl.draagvlak.advice.web.AdviceController$RemediesView"),
            Map.entry("Remedy", "nl.draagvlak.advice.Remedy"),
            Map.entry("Change", "nl.draagvlak.advice.Change"),
            Map.entry("FindingRef", "nl.draagvlak.advice.FindingRef"),
            Map.entry("Questions", "nl.draagvlak.advice.web.AdviceController$QuestionsView"),
            Map.entry("Question", "nl.draagvlak.advice.Question"),
            Map.entry("QuestionOutcome", "nl.draagvlak.advice.Question$Outcome"),
            Map.entry("FieldError", FieldError.class.getName()));

    /** Object schemas built from maps in the code rather than records; their fields are listed here. */
    private static final Map<String, Set<String>> RESPONSE_MAPS = Map.of(
            "Timings", Set.of("readMicros", "decideMicros", "firings"),
            "Problem", Set.of("type", "title", "status", "detail", "instance", "requestId", "errors", "ruleId",
                    "problems"),
            // the impact request, read field by field (nl.draagvlak.ruleset.web.ImpactRequest)
            "ImpactRequest", Set.of("candidate", "sample"),
            "ImpactCandidate", Set.of("version", "files"),
            "CandidateFile", Set.of("path", "content"),
            "ImpactSample", Set.of("last", "from", "to"));

    /** The endpoints the API promises. */
    private static final Set<String> PROMISED_ENDPOINTS = Set.of(
            "POST /api/v1/decisions",
            "GET /api/v1/decisions",
            "GET /api/v1/decisions/{id}",
            "POST /api/v1/decisions/{id}/replay",
            "GET /api/v1/rules",
            "GET /api/v1/rulesets/{version}",
            "GET /api/v1/rulesets",
            "GET /api/v1/rulesets/status",
            "POST /api/v1/rulesets/reload",
            "POST /api/v1/rulesets/{version}/activate",
            "GET /api/v1/rulesets/{a}/diff/{b}",
            "POST /api/v1/rulesets/impact",
            "GET /api/v1/rules/usage",
            "GET /api/v1/audit/verify",
            "POST /api/v1/audit/verifications",
            "GET /api/v1/audit/verifications/{id}");

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private static Map<String, Object> openapi;

    @BeforeAll
    static void readDescription() throws IOException {
        try (InputStream in = OpenApiDescriptionTests.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("%s on the classpath", RESOURCE).isNotNull();
            openapi = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        }
    }

    // ------------------------------------------------------------------ enums

    @Test
    void requestEnumsListExactlyTheJavaEnumConstants() {
        for (Class<? extends Enum<?>> type : REQUEST_ENUMS) {
            assertThat(enumValues(type.getSimpleName())).as(type.getSimpleName()).containsExactlyElementsOf(constants(type));
        }
    }

    @Test
    void requestEnumsAreExactlyTheEnumsTheContractRecordsUse() {
        Set<Class<?>> used = new LinkedHashSet<>();
        for (Class<?> record : requestRecords()) {
            for (RecordComponent component : record.getRecordComponents()) {
                Class<?> type = elementType(component.getGenericType());
                if (type.isEnum()) {
                    used.add(type);
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(REQUEST_ENUMS);
    }

    @Test
    void responseEnumsListExactlyTheJavaEnumConstants() {
        RESPONSE_ENUMS.forEach((schema, type) ->
                assertThat(enumValues(schema)).as(schema).containsExactlyElementsOf(constants(type)));
    }

    @Test
    void verdictsFindingTypesAndSeveritiesInResponsesReferToTheirEnumSchemas() {
        assertThat(refOf(property("DecisionView", "verdict"))).isEqualTo("Verdict");
        assertThat(refOf(property("DecisionSummary", "verdict"))).isEqualTo("Verdict");
        assertThat(refOf(property("Finding", "type"))).isEqualTo("FindingType");
        assertThat(refOf(property("Finding", "severity"))).isEqualTo("Severity");
        assertThat(nullableRefOf(property("Finding", "subject"))).isEqualTo("Department");
        assertThat(nullableRefOf(property("NotAssessed", "subject"))).isEqualTo("Department");
        assertThat(refOf(property("Rule", "role"))).isEqualTo("RuleRole");
        assertThat(nullableRefOf(property("Rule", "type"))).isEqualTo("FindingType");
        assertThat(nullableRefOf(property("Rule", "severity"))).isEqualTo("Severity");
        assertThat(nullableRefOf(property("Rule", "verdict"))).isEqualTo("Verdict");
        assertThat(refOf(property("Verification", "state"))).isEqualTo("VerificationState");
    }

    // ---------------------------------------------------------------- request

    @Test
    void requestSchemasHaveExactlyTheRecordComponentsOfTheContractRecords() {
        assertThat(requestRecords()).extracting(Class::getSimpleName).containsExactlyInAnyOrder("DecisionRequest",
                "InitiativeInput", "DesignStrategyInput", "ChangeStrategyInput", "SuccessFactorsInput",
                "PreconditionsInput", "StakeholderInput", "EngagementInput");
        for (Class<?> record : requestRecords()) {
            assertThat(properties(record.getSimpleName()).keySet()).as(record.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(componentNames(record));
        }
    }

    @Test
    void requestPropertiesHaveTheJsonTypesOfTheRecordComponents() {
        for (Class<?> record : requestRecords()) {
            Set<String> required = required(record.getSimpleName());
            for (RecordComponent component : record.getRecordComponents()) {
                String where = record.getSimpleName() + "." + component.getName();
                Map<String, Object> property = property(record.getSimpleName(), component.getName());
                boolean mandatory = required.contains(component.getName());
                Type type = component.getGenericType();
                if (type == Boolean.class) {
                    assertThat(property.get("type")).as(where).isEqualTo(List.of("boolean", "null"));
                } else if (type == Integer.class) {
                    assertThat(property.get("type")).as(where).isEqualTo(List.of("integer", "null"));
                } else if (type == String.class) {
                    assertThat(property.get("type")).as(where).isEqualTo(List.of("string", "null"));
                } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                    assertThat(property.get("type")).as(where).isEqualTo(List.of("array", "null"));
                    assertThat(refOf(map(property.get("items")))).as(where + "[]")
                            .isEqualTo(elementType(type).getSimpleName());
                } else {
                    Class<?> target = (Class<?>) type;
                    assertThat(target.isEnum() || target.isRecord()).as(where + " is an enum or a record").isTrue();
                    String ref = mandatory ? refOf(property) : nullableRefOf(property);
                    assertThat(ref).as(where + (mandatory ? " refers to" : " is null or refers to"))
                            .isEqualTo(target.getSimpleName());
                }
            }
        }
    }

    @Test
    void onlyTheFieldsTheValidatorRequiresAreRequired() {
        for (Class<?> record : requestRecords()) {
            String name = record.getSimpleName();
            assertThat(required(name)).as(name).isEqualTo(REQUIRED_REQUEST_FIELDS.getOrDefault(name, Set.of()));
        }
    }

    @Test
    void requestSchemasRejectUnknownFields() {
        for (Class<?> record : requestRecords()) {
            assertThat(schema(record.getSimpleName())).as(record.getSimpleName())
                    .containsEntry("type", "object")
                    .containsEntry("additionalProperties", false);
        }
    }

    @Test
    void theRequestBodyIsTheDecisionRequestAsJson() {
        Map<String, Object> body = map(operation("post", "/api/v1/decisions").get("requestBody"));
        assertThat(body).containsEntry("required", true);
        Map<String, Object> content = map(body.get("content"));
        assertThat(content.keySet()).containsExactly("application/json");
        assertThat(refOf(map(map(content.get("application/json")).get("schema")))).isEqualTo("DecisionRequest");
    }

    // ----------------------------------------------------------------- limits

    @Test
    void limitsEqualTheConstantsInRequestLimits() {
        assertThat(property("InitiativeInput", "name")).containsEntry("maxLength", RequestLimits.MAX_INITIATIVE_NAME);
        assertThat(property("StakeholderInput", "name")).containsEntry("maxLength", RequestLimits.MAX_STAKEHOLDER_NAME);
        assertThat(property("InitiativeInput", "leadTimeMonths"))
                .containsEntry("minimum", RequestLimits.MIN_LEAD_TIME_MONTHS)
                .containsEntry("maximum", RequestLimits.MAX_LEAD_TIME_MONTHS);
        assertThat(property("DecisionRequest", "stakeholders")).containsEntry("maxItems", RequestLimits.MAX_STAKEHOLDERS);
        Map<String, Object> body = map(operation("post", "/api/v1/decisions").get("requestBody"));
        assertThat(body).containsEntry("x-max-body-bytes", RequestLimits.MAX_BODY_BYTES);
        assertThat((String) body.get("description")).contains(String.valueOf(RequestLimits.MAX_BODY_BYTES));
    }

    @Test
    void theSearchPageLimitsEqualTheControllersConstants() throws ReflectiveOperationException {
        Class<?> controller = Class.forName("nl.draagvlak.audit.web.AuditController");
        Map<String, Object> limit = map(parameter("get", "/api/v1/decisions", "limit").get("schema"));
        assertThat(limit).containsEntry("type", "integer")
                .containsEntry("minimum", 1)
                .containsEntry("maximum", staticInt(controller, "MAX_PAGE"))
                .containsEntry("default", staticInt(controller, "DEFAULT_PAGE"));
    }

    // -------------------------------------------------------------- responses

    @Test
    void responseSchemasHaveExactlyTheFieldsOfTheRecordsTheCodeWrites() throws ClassNotFoundException {
        for (Map.Entry<String, String> entry : RESPONSE_RECORDS.entrySet()) {
            Class<?> record = Class.forName(entry.getValue());
            assertThat(record.isRecord()).as(entry.getValue()).isTrue();
            assertThat(properties(entry.getKey()).keySet()).as(entry.getKey() + " = " + record.getName())
                    .containsExactlyInAnyOrderElementsOf(componentNames(record));
        }
        RESPONSE_MAPS.forEach((schema, fields) ->
                assertThat(properties(schema).keySet()).as(schema).containsExactlyInAnyOrderElementsOf(fields));
    }

    @Test
    void recordResponsesRequireEveryFieldBecauseNullsAreWrittenOut() {
        for (String schema : RESPONSE_RECORDS.keySet()) {
            assertThat(required(schema)).as(schema).isEqualTo(properties(schema).keySet());
        }
    }

    @Test
    void everyObjectSchemaIsCheckedAgainstTheCode() {
        Set<String> checked = new TreeSet<>(RESPONSE_RECORDS.keySet());
        checked.addAll(RESPONSE_MAPS.keySet());
        requestRecords().forEach(record -> checked.add(record.getSimpleName()));
        Set<String> objects = new TreeSet<>();
        schemas().forEach((name, schema) -> {
            if ("object".equals(map(schema).get("type"))) {
                objects.add(name);
            }
        });
        assertThat(objects).isEqualTo(checked);
    }

    @Test
    void theDecisionEndpointAnswersCreatedReplayedAndEveryProblemStatus() {
        Map<String, Object> responses = map(operation("post", "/api/v1/decisions").get("responses"));
        assertThat(responses.keySet()).contains("201", "200", "400", "409", "413", "415", "500", "503");
        // A replay (200) creates nothing: it names the stored decision in Content-Location.
        for (String status : List.of("201", "200")) {
            Map<String, Object> response = map(responses.get(status));
            assertThat(map(response.get("headers"))).as(status)
                    .containsOnlyKeys("201".equals(status) ? "Location" : "Content-Location", "Content-Language");
            Map<String, Object> content = map(response.get("content"));
            assertThat(refOf(map(map(content.get("application/json")).get("schema")))).as(status)
                    .isEqualTo("DecisionView");
        }
        assertThat(parameterNames(operation("post", "/api/v1/decisions"), "header"))
                .containsExactly("Idempotency-Key", "Accept-Language");
    }

    @Test
    void lookingUpAnUnknownDecisionOrRulesetOrVerificationIsA404() {
        assertThat(map(operation("get", "/api/v1/decisions/{id}").get("responses"))).containsKey("404");
        assertThat(map(operation("post", "/api/v1/decisions/{id}/replay").get("responses"))).containsKey("404");
        assertThat(map(operation("get", "/api/v1/rulesets/{version}").get("responses"))).containsKey("404");
        assertThat(map(operation("get", "/api/v1/audit/verifications/{id}").get("responses"))).containsKey("404");
    }

    @Test
    void aVerificationJobIsAccepted202WithItsLocationAndAnUnknownSinceIsA409() throws ReflectiveOperationException {
        Map<String, Object> accepted = map(map(operation("post", "/api/v1/audit/verifications").get("responses"))
                .get("202"));
        assertThat(map(accepted.get("headers"))).containsKey("Location");
        assertThat(refOf(map(map(map(accepted.get("content")).get("application/json")).get("schema"))))
                .isEqualTo("Verification");
        assertThat(map(operation("get", "/api/v1/audit/verify").get("responses"))).containsKeys("400", "409");
        Field keyword = Class.forName("nl.draagvlak.audit.web.AuditController").getDeclaredField("LAST_SIGNED_OFF");
        keyword.setAccessible(true);
        assertThat((String) map(parameter("get", "/api/v1/audit/verify", "since").get("schema")).get("pattern"))
                .contains((String) keyword.get(null));
    }

    /** Every {@code problem(HttpStatus.X, "type", ...)} the service's code makes, by its type. */
    @Test
    void everyProblemTypeTheCodeAnswersIsListed() throws IOException {
        Pattern made = Pattern.compile("problem\\(HttpStatus\\.[A-Z_]+,\\s*\"([a-z-]+)\"");
        Set<String> types = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = made.matcher(Files.readString(source));
                while (matcher.find()) {
                    types.add(matcher.group(1));
                }
            }
        }
        assertThat(types).contains("invalid-request", "audit-unavailable", "audit-store-failure");
        String described = (String) property("Problem", "type").get("description");
        for (String type : types) {
            assertThat(described).as("Problem.type lists " + type).contains("`" + type + "`");
        }
    }

    @Test
    void everyOperationOnTheAuditStoreMayAnswer503WithRetryAfter() {
        forEachOperation((key, operation) -> {
            if (list(operation.get("tags")).contains("audit") || key.equals("POST /api/v1/decisions")) {
                Map<String, Object> unavailable = resolve(map(map(operation.get("responses")).get("503")));
                assertThat(unavailable).as(key + " 503").isNotEmpty();
                assertThat(map(unavailable.get("headers"))).as(key + " 503").containsKey("Retry-After");
            }
        });
    }

    @Test
    void everyErrorResponseIsAProblemJsonBody() {
        forEachOperation((key, operation) -> map(operation.get("responses")).forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5") || status.equals("default")) {
                Map<String, Object> content = map(resolve(map(response)).get("content"));
                assertThat(content.keySet()).as(key + " " + status).containsExactly("application/problem+json");
                assertThat(refOf(map(map(content.get("application/problem+json")).get("schema"))))
                        .as(key + " " + status).isEqualTo("Problem");
            }
        }));
    }

    // ------------------------------------------------------- paths, parameters

    @Test
    void thePathsIncludeEveryPromisedEndpoint() {
        assertThat(describedEndpoints().keySet()).containsAll(PROMISED_ENDPOINTS);
    }

    @Test
    void theDescribedEndpointsAreExactlyTheOnesTheControllersMap() {
        assertThat(describedEndpoints().keySet()).isEqualTo(handlers().keySet());
    }

    @Test
    void everyOperationDescribesExactlyTheParametersItsHandlerReads() {
        Map<String, Map<String, Object>> described = describedEndpoints();
        handlers().forEach((endpoint, handler) -> {
            Map<String, Object> operation = described.get(endpoint);
            Map<String, List<String>> read = new LinkedHashMap<>();
            Map<String, Boolean> requiredByCode = new LinkedHashMap<>();
            for (Parameter parameter : handler.getParameters()) {
                assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
                RequestParam query = parameter.getAnnotation(RequestParam.class);
                PathVariable path = parameter.getAnnotation(PathVariable.class);
                RequestHeader header = parameter.getAnnotation(RequestHeader.class);
                if (query != null) {
                    String name = firstNonEmpty(query.name(), query.value(), parameter.getName());
                    read.computeIfAbsent("query", k -> new ArrayList<>()).add(name);
                    requiredByCode.put("query " + name, query.required());
                } else if (path != null) {
                    String name = firstNonEmpty(path.name(), path.value(), parameter.getName());
                    read.computeIfAbsent("path", k -> new ArrayList<>()).add(name);
                    requiredByCode.put("path " + name, true);
                } else if (header != null) {
                    String name = firstNonEmpty(header.name(), header.value(), parameter.getName());
                    read.computeIfAbsent("header", k -> new ArrayList<>()).add(name);
                    requiredByCode.put("header " + name, header.required());
                }
            }
            for (String in : List.of("query", "path", "header")) {
                assertThat(parameterNames(operation, in)).as(endpoint + " " + in + " parameters")
                        .containsExactlyInAnyOrderElementsOf(read.getOrDefault(in, List.of()));
            }
            for (Object entry : list(operation.get("parameters"))) {
                Map<String, Object> parameter = resolve(map(entry));
                String key = parameter.get("in") + " " + parameter.get("name");
                assertThat(Boolean.TRUE.equals(parameter.get("required"))).as(endpoint + " " + key + " required")
                        .isEqualTo(requiredByCode.get(key));
            }
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(openapi, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            Object target = openapi;
            for (String part : ref.substring(2).split("/")) {
                target = target instanceof Map<?, ?> node ? node.get(part) : null;
            }
            assertThat(target).as(ref).isNotNull();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The contract records reachable from {@link DecisionRequest}, itself included. */
    private static List<Class<?>> requestRecords() {
        List<Class<?>> found = new ArrayList<>();
        collectRecords(DecisionRequest.class, found);
        return found;
    }

    private static void collectRecords(Class<?> record, List<Class<?>> found) {
        if (found.contains(record)) {
            return;
        }
        found.add(record);
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = elementType(component.getGenericType());
            if (type.isRecord()) {
                collectRecords(type, found);
            }
        }
    }

    /** The class of a component, or of a list's elements. */
    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return (Class<?>) parameterized.getActualTypeArguments()[0];
        }
        return (Class<?>) type;
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** Every mapped handler of the REST controllers under {@code nl.draagvlak}, as "METHOD path". */
    private static Map<String, Method> handlers() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Method> handlers = new LinkedHashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("nl.draagvlak")) {
            Class<?> controller;
            try {
                controller = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                for (String path : mapping.path()) {
                    if (path.equals("/error")) {
                        continue; // the servlet container's error page, answered as a problem
                    }
                    assertThat(mapping.method()).as(controller.getSimpleName() + "." + method.getName()).hasSize(1);
                    for (RequestMethod verb : mapping.method()) {
                        handlers.put(verb.name() + " " + path, method);
                    }
                }
            }
        }
        return handlers;
    }

    /** Every described operation, as "METHOD path". */
    private static Map<String, Map<String, Object>> describedEndpoints() {
        Map<String, Map<String, Object>> endpoints = new LinkedHashMap<>();
        forEachOperation(endpoints::put);
        return endpoints;
    }

    private interface OperationVisitor {
        void visit(String endpoint, Map<String, Object> operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        map(openapi.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (HTTP_METHODS.contains(method)) {
                visitor.visit(method.toUpperCase() + " " + path, map(operation));
            }
        }));
    }

    private static Map<String, Object> operation(String method, String path) {
        Map<String, Object> operation = map(map(map(openapi.get("paths")).get(path)).get(method));
        assertThat(operation).as(method + " " + path).isNotEmpty();
        return operation;
    }

    private static Map<String, Object> parameter(String method, String path, String name) {
        for (Object entry : list(operation(method, path).get("parameters"))) {
            Map<String, Object> parameter = resolve(map(entry));
            if (name.equals(parameter.get("name"))) {
                return parameter;
            }
        }
        throw new AssertionError(method + " " + path + " has no parameter " + name);
    }

    private static List<String> parameterNames(Map<String, Object> operation, String in) {
        List<String> names = new ArrayList<>();
        for (Object entry : list(operation.get("parameters"))) {
            Map<String, Object> parameter = resolve(map(entry));
            if (in.equals(parameter.get("in"))) {
                names.add((String) parameter.get("name"));
            }
        }
        return names;
    }

    private static Map<String, Object> schemas() {
        return map(map(openapi.get("components")).get("schemas"));
    }

    private static Map<String, Object> schema(String name) {
        Map<String, Object> schema = map(schemas().get(name));
        assertThat(schema).as("components.schemas." + name).isNotEmpty();
        return schema;
    }

    private static Map<String, Object> properties(String schema) {
        return map(schema(schema).get("properties"));
    }

    private static Map<String, Object> property(String schema, String name) {
        Map<String, Object> property = map(properties(schema).get(name));
        assertThat(property).as(schema + "." + name).isNotEmpty();
        return property;
    }

    private static Set<String> required(String schema) {
        Set<String> required = new LinkedHashSet<>();
        for (Object name : list(schema(schema).get("required"))) {
            required.add((String) name);
        }
        return required;
    }

    private static List<String> enumValues(String schema) {
        List<String> values = new ArrayList<>();
        for (Object value : list(schema(schema).get("enum"))) {
            values.add(String.valueOf(value));
        }
        assertThat(values).as(schema + " enum").isNotEmpty();
        return values;
    }

    /** The component schema a {@code $ref} points to, by name; null if the node is no schema reference. */
    private static String refOf(Map<String, Object> node) {
        Object ref = node.get("$ref");
        return ref instanceof String text && text.startsWith(SCHEMAS) ? text.substring(SCHEMAS.length()) : null;
    }

    /** For {@code oneOf: [{$ref: X}, {type: 'null'}]}: X; null for any other shape. */
    private static String nullableRefOf(Map<String, Object> node) {
        List<Object> options = list(node.get("oneOf"));
        if (options.size() != 2 || !map(options.get(1)).equals(Map.of("type", "null"))) {
            return null;
        }
        return refOf(map(options.get(0)));
    }

    /** Follows a {@code $ref} to a component (parameter, response, ...), or returns the node itself. */
    private static Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (!(ref instanceof String text)) {
            return node;
        }
        Object target = openapi;
        for (String part : text.substring(2).split("/")) {
            target = map(target).get(part);
        }
        return map(target);
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collectRefs(item, refs));
        }
    }

    private static int staticInt(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.getInt(null);
    }

    private static String firstNonEmpty(String... values) {
        return Arrays.stream(values).filter(value -> value != null && !value.isEmpty()).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> object ? (Map<String, Object>) object : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node instanceof List<?> items ? (List<Object>) items : List.of();
    }
}
