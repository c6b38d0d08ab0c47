package dev.grantex.scim.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test's application context at a
 * {@link dev.grantex.scim.test.FakeGrantexServer}: before the context refreshes, a fake
 * server is started, a developer account and a SCIM token are created on it, and the
 * Grantex SCIM auto-configuration is given that account's
 * {@code GrantexScimConnectionDetails} as a primary bean. It wins over
 * {@code grantex.base-url}, {@code grantex.api-key} and {@code grantex.scim.token} (so a
 * {@code GRANTEX_*} variable in the developer's shell never sends a test to a real
 * Grantex) and over connection details of the application's own. The application's own
 * code then runs against the fake unchanged.
 *
 * <p>
 * The server and the account are beans ({@link dev.grantex.scim.test.FakeGrantexServer},
 * {@link dev.grantex.scim.test.FakeGrantexAccount}), for seeding users, reading what the
 * server holds, scripting faults and counting requests:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureGrantexScimFake
 * class OnboardingTests {
 *
 *     &#64;Autowired
 *     Onboarding onboarding; // the application's own service, with the ScimClient injected
 *
 *     &#64;Autowired
 *     FakeGrantexAccount grantex;
 *
 *     &#64;Test
 *     void onboardsANewHire() {
 *         this.onboarding.onboard("alice@example.com");
 *         assertThat(this.grantex.users()).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
 *     }
 *
 * }
 * </pre>
 *
 * <p>
 * The server lives as long as the application context; Spring's test framework caches the
 * context and shares it among test classes with the same configuration. So that tests do
 * not see each other's work, after each test method the account's users are deleted,
 * unused scripted faults are dropped, the rate limits and the {@code emails} format are
 * set back to the real server's, and the recorded requests are forgotten. SCIM tokens a
 * test creates or revokes stay; a test that revokes the account's own token should be
 * marked {@code @DirtiesContext}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureGrantexScimFake {

}
