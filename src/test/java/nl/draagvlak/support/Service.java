package nl.draagvlak.support;

import java.util.ArrayList;
import java.util.List;
import nl.draagvlak.DraagvlakApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The whole service, started on a free port with the given settings and stopped when closed: for restarts. */
public final class Service implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Service(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static Service start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new Service(new SpringApplicationBuilder(DraagvlakApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public RestTestClient http() {
        return TestUsers.restClient(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
