package nl.draagvlak.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean(destroyMethod = "close")
    VerificationJobs verificationJobs(ChainVerifier verifier) {
        return new VerificationJobs(verifier);
    }
}
