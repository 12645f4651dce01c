package nl.draagvlak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who gets which console page, without a browser: anonymous goes to the login page, a caller who
 * may only decide gets the try form and the 403 page for the rest, auditors and rules
 * administrators see every page, and only rules administrators reload or ask for impact. The login
 * form and every form post need the CSRF token; the try form's decision is stored with its caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleAccessIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> PAGES = List.of("/console", "/console/rulesets", "/console/rules",
            "/console/decisions/{id}", "/console/decisions/{id}?advice=1", "/console/rulesets/active/diff/active");

    @LocalServerPort
    int port;

    private RestTestClient anonymous;
    private String decisionId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.watch", () -> "false");
    }

    @BeforeEach
    void clients() {
        anonymous = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        decisionId = TestUsers.restClient(port).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.PLAN).exchange().expectStatus().isCreated().returnResult(tools.jackson.databind.JsonNode.class)
                .getResponseBody().get("decisionId").asText();
    }

    @Test
    void anonymousIsSentToTheLoginPage() {
        for (String page : List.of("/console", "/console/try", "/console/decisions/" + decisionId)) {
            anonymous.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isFound().expectHeader().location("http://127.0.0.1:" + port + "/login");
        }
        String login = anonymous.get().uri("/login").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(login).contains("name=\"username\"").contains("name=\"password\"").contains("name=\"_csrf\"");
    }

    @Test
    void aCallerWhoMayOnlyDecideGetsTheTryFormAndThe403PageForEverythingElse() {
        Session decide = signIn(TestUsers.DECIDE);
        decide.get("/console/try").expectStatus().isOk();
        for (String page : PAGES) {
            String body = decide.get(page.replace("{id}", decisionId)).expectStatus().isForbidden()
                    .returnResult(String.class).getResponseBody();
            assertThat(body).as(page).contains("Not for your role");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"test-audit", "test-rules-admin"})
    void auditorsAndRulesAdministratorsSeeEveryPage(String user) {
        Session session = signIn(user.equals("test-audit") ? TestUsers.AUDIT : TestUsers.RULES_ADMIN);
        for (String page : PAGES) {
            session.get(page.replace("{id}", decisionId)).expectStatus().isOk();
        }
        session.post("/console/decisions/" + decisionId + "/replay", "").expectStatus().isOk();
        session.get("/console/try").expectStatus().isForbidden();
    }

    @Test
    void onlyRulesAdministratorsReloadOrAskForImpact() {
        Session audit = signIn(TestUsers.AUDIT);
        audit.post("/console/rulesets/reload", "").expectStatus().isForbidden();
        audit.post("/console/rulesets/impact", "version=active&last=1").expectStatus().isForbidden();
        Session admin = signIn(TestUsers.RULES_ADMIN);
        assertThat(admin.post("/console/rulesets/reload", "").expectStatus().isOk().returnResult(String.class)
                .getResponseBody()).contains("id=\"reload-result\"").contains("ACTIVATED");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        Session decide = signIn(TestUsers.DECIDE);
        anonymous.post().uri("/console/try").header(HttpHeaders.COOKIE, decide.cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("initiative.kind=OTHER_CHANGE&initiative.organisationType=COMPANY").exchange()
                .expectStatus().isForbidden();
        decide.post("/console/try", "initiative.kind=OTHER_CHANGE&initiative.organisationType=COMPANY")
                .expectStatus().isOk();
    }

    @Test
    void theLoginFormNeedsTheCsrfTokenAndTheRightPassword() {
        anonymous.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + TestUsers.AUDIT.name() + "&password=" + TestUsers.AUDIT.password()).exchange()
                .expectStatus().isForbidden();
        EntityExchangeResult<String> page = anonymous.get().uri("/login").exchange().returnResult(String.class);
        String cookie = cookie(page.getResponseHeaders());
        anonymous.post().uri("/login").header(HttpHeaders.COOKIE, cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + TestUsers.AUDIT.name() + "&password=wrong&_csrf=" + token(page.getResponseBody()))
                .exchange().expectStatus().isFound().expectHeader().location("http://127.0.0.1:" + port + "/login?error");
    }

    @Test
    void theTryFormsDecisionIsStoredWithItsCallerLikeAnyOther() {
        Session decide = signIn(TestUsers.DECIDE);
        String answer = decide.post("/console/try", "initiative.kind=OTHER_CHANGE&initiative.organisationType=COMPANY"
                + "&initiative.leadTimeMonths=&initiative.businessCase=unknown").expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        Matcher id = Pattern.compile("<code>([0-9a-f-]{36})</code>").matcher(answer);
        assertThat(id.find()).as(answer).isTrue();
        tools.jackson.databind.JsonNode stored = TestUsers.restClient(port).get().uri("/api/v1/decisions/" + id.group(1))
                .exchange().expectStatus().isOk().returnResult(tools.jackson.databind.JsonNode.class).getResponseBody();
        assertThat(stored.get("caller").asText()).isEqualTo(TestUsers.DECIDE.name());
        // Unknown stays unknown: the empty number and the "unknown" choice are left out of the request.
        assertThat(stored.get("request").get("initiative").propertyNames()).containsExactlyInAnyOrder("kind",
                "organisationType");
        assertThat(stored.get("request").has("designStrategy")).isFalse();
    }

    /** The ready plan of test-cases/remedies/back-office-*.yaml, its administrative champion left unknown. */
    private static final String BACK_OFFICE_ONLY = """
            {"initiative":{"name":"Customer analytics 2027","kind":"ANALYTICS_SOLUTION","organisationType":"COMPANY",
             "useCase":"OTHER","leadTimeMonths":18,"resources":"MEDIUM","organisationalSupport":"HIGH","businessCase":true},
             "designStrategy":{"startingPoint":"BACK_OFFICE","channelScope":"CHANNEL_BY_CHANNEL","ambition":"LOW_HANGING_FRUIT"},
             "changeStrategy":{"rollout":"STEPWISE","direction":"BOTTOM_UP","management":"PROCESS",
              "responsibility":"LINE_MANAGEMENT","milestonesDefined":true},
             "successFactors":{"leadership":true,"managementSponsorship":true,"consistentVision":true},
             "preconditions":{"channelsWellDeveloped":true,"backOfficeInOrder":false,"improvesService":true,"efficiencyGain":true},
             "stakeholders":[{"department":"MARKETING","name":"Campaign team","affected":true,"involvement":"CO_DEVELOPING",
               "trainingPlanned":true}],
             "engagement":{"managerTourDone":true,"itEngagement":"JOINT_DEVELOPMENT","prototypePlanned":true,
              "nbaSetDefinedJointly":true,"dashboardNeedsAsked":true,"feedbackCollected":true,"feedbackIncorporated":true,
              "successSharedJointly":true}}""";

    private static final Pattern ADVICE_LINK = Pattern.compile("<a id=\"advice-link\" href=\"([^\"]+)\"");

    @Test
    void aPlainViewOfTheDecisionPageOffersTheAdviceInsteadOfSearchingForIt() {
        String id = decide(BACK_OFFICE_ONLY);
        String page = signIn(TestUsers.AUDIT).get("/console/decisions/" + id).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        Matcher link = ADVICE_LINK.matcher(page);
        assertThat(link.find()).as(page).isTrue();
        assertThat(link.group(1)).isEqualTo("/console/decisions/" + id + "?advice=1#remedies-heading");
        assertThat(page).contains("<section id=\"advice\" aria-labelledby=\"advice-heading\">")
                .contains("<a href=\"#advice-heading\">")
                // Neither search ran: no remedies, no questions, and no on-page link to them.
                .doesNotContain("<section id=\"remedies\"").doesNotContain("<section id=\"questions\"")
                .doesNotContain("remedies-READY").doesNotContain("href=\"#remedies-heading\"")
                .doesNotContain("href=\"#questions-heading\"");
    }

    @Test
    void aReplayShowsTheAdviceOnlyWhenThePageItCameFromShowedIt() {
        String id = decide(BACK_OFFICE_ONLY);
        Session audit = signIn(TestUsers.AUDIT);
        String plain = audit.get("/console/decisions/" + id).returnResult(String.class).getResponseBody();
        String asked = audit.get("/console/decisions/" + id + "?advice=1").returnResult(String.class).getResponseBody();
        assertThat(plain).doesNotContain("name=\"advice\"");
        assertThat(asked).contains("<input type=\"hidden\" name=\"advice\" value=\"1\">");

        String replayedPlain = audit.post("/console/decisions/" + id + "/replay", "ruleset=own").expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        String replayedAsked = audit.post("/console/decisions/" + id + "/replay", "ruleset=own&advice=1")
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        assertThat(replayedPlain).contains("id=\"replay-result\"").contains("id=\"advice-link\"")
                .doesNotContain("<section id=\"remedies\"");
        assertThat(replayedAsked).contains("id=\"replay-result\"").contains("<h3 id=\"remedies-READY\">")
                .doesNotContain("id=\"advice-link\"");
    }

    @Test
    void askingForTheAdviceShowsTheRemediesAndQuestionsTheApiGivesForThatDecision() {
        RestTestClient audit = TestUsers.restClient(port);
        String id = decide(BACK_OFFICE_ONLY);
        tools.jackson.databind.JsonNode remedies = audit.get().uri("/api/v1/decisions/" + id + "/remedies").exchange()
                .expectStatus().isOk().returnResult(tools.jackson.databind.JsonNode.class).getResponseBody();
        tools.jackson.databind.JsonNode questions = audit.get().uri("/api/v1/decisions/" + id + "/questions").exchange()
                .expectStatus().isOk().returnResult(tools.jackson.databind.JsonNode.class).getResponseBody();
        assertThat(remedies.get("remedies").get(0).get("changes").get(0).get("path").asText()).as(remedies.toString())
                .isEqualTo("preconditions.backOfficeInOrder");
        assertThat(questions.get("questions")).as(questions.toString()).isNotEmpty();

        // Asked for the way a reader asks: by following the link of the plain page.
        Session session = signIn(TestUsers.AUDIT);
        Matcher link = ADVICE_LINK.matcher(session.get("/console/decisions/" + id).returnResult(String.class)
                .getResponseBody());
        assertThat(link.find()).isTrue();
        String page = session.get(link.group(1).replaceFirst("#.*", "")).expectStatus().isOk().returnResult(String.class).getResponseBody();
        assertThat(page).doesNotContain("id=\"advice-link\"").contains("<a href=\"#remedies-heading\">")
                .contains("<a href=\"#questions-heading\">");
        int start = page.indexOf("<section id=\"remedies\"");
        assertThat(start).as(page).isNotNegative();
        String advice = page.substring(start);
        assertThat(advice).doesNotContain("<section id=\"remedies\" aria-labelledby=\"remedies-heading\" hidden")
                .contains("<h3 id=\"remedies-READY\">");
        // The heading names the verdict; the READY group lists the change and the finding it removes.
        String ready = advice.substring(advice.indexOf("<h3 id=\"remedies-READY\">"));
        assertThat(ready.substring(0, ready.indexOf("</h3>"))).contains("READY");
        assertThat(ready).contains("<code>preconditions.backOfficeInOrder</code>")
                .contains(remedies.get("remedies").get(0).get("removes").get(0).get("ruleId").asText());
        for (tools.jackson.databind.JsonNode question : questions.get("questions")) {
            assertThat(advice).contains("<code>" + question.get("path").asText() + "</code>");
        }
    }

    private String decide(String request) {
        return TestUsers.restClient(port).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .body(request).exchange().expectStatus().isCreated().returnResult(tools.jackson.databind.JsonNode.class)
                .getResponseBody().get("decisionId").asText();
    }

    @Test
    void basicCredentialsOpenAPageDirectlyAndTokensOfTheApiAreNotNeeded() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((TestUsers.AUDIT.name() + ":"
                + TestUsers.AUDIT.password()).getBytes(StandardCharsets.UTF_8));
        anonymous.get().uri("/console").header(HttpHeaders.AUTHORIZATION, basic).exchange().expectStatus().isOk();
        anonymous.get().uri("/console/try").header(HttpHeaders.AUTHORIZATION, basic).exchange()
                .expectStatus().isForbidden();
    }

    /** A signed-in browser: its session cookie and the CSRF token of its session. */
    private final class Session {
        final String cookie;
        final String csrf;

        Session(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        RestTestClient.ResponseSpec get(String path) {
            return anonymous.get().uri(path).header(HttpHeaders.COOKIE, cookie).accept(MediaType.TEXT_HTML).exchange();
        }

        RestTestClient.ResponseSpec post(String path, String form) {
            return anonymous.post().uri(path).header(HttpHeaders.COOKIE, cookie)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body((form.isEmpty() ? "" : form + "&") + "_csrf=" + csrf).exchange();
        }
    }

    private Session signIn(TestUsers.TestUser user) {
        EntityExchangeResult<String> login = anonymous.get().uri("/login").exchange().returnResult(String.class);
        String before = cookie(login.getResponseHeaders());
        EntityExchangeResult<Void> signedIn = anonymous.post().uri("/login").header(HttpHeaders.COOKIE, before)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + user.name() + "&password=" + user.password() + "&_csrf=" + token(login.getResponseBody()))
                .exchange().expectStatus().isFound().returnResult(Void.class);
        String cookie = cookie(signedIn.getResponseHeaders());
        // The token changes with the login: take the session's from a page it may open.
        String page = anonymous.get().uri("/console/denied").header(HttpHeaders.COOKIE, cookie).exchange()
                .returnResult(String.class).getResponseBody();
        return new Session(cookie, token(page));
    }

    private static String cookie(HttpHeaders headers) {
        return headers.get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return java.net.URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
