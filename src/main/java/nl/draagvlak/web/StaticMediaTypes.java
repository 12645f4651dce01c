package nl.draagvlak.web;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The servlet container knows no type for {@code .yaml}: say it, so {@code /openapi.yaml} is {@code application/yaml}. */
@Configuration(proxyBeanMethods = false)
class StaticMediaTypes {

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> yamlMediaType() {
        return factory -> {
            MimeMappings yaml = new MimeMappings();
            yaml.add("yaml", "application/yaml");
            factory.addMimeMappings(yaml);
        };
    }
}
