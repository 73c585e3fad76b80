package org.bucn.tracker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one test configuration of the application: the whole app, listening on a random port for the
 * browser tests, on the embedded PostgreSQL with demo users. Every test class that uses it shares
 * one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// Metrics are exported as in production (Prometheus), not switched off as Spring Boot's tests do by
// default.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@Import({ApiContract.class, ProcessCoverage.class, CampaignDrill.class})
public @interface TrackerTest {}
