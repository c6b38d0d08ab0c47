package dev.grantex.scim.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.grantex.scim.test.internal.FaultQueue;
import dev.grantex.scim.test.internal.ScriptedFault;

/**
 * The faults a {@link FakeGrantexServer} is scripted to inflict, request by request, so a
 * test can make a chosen attempt fail in a chosen way and then assert on how many
 * attempts the server saw ({@link FakeGrantexServer#requests()}, where each faulted
 * request carries its {@link RecordedRequest#fault()}) and on what it stored
 * ({@link FakeGrantexServer#users(String)}). Empty by default: a server without a script
 * behaves exactly like the real one.
 *
 * <p>
 * Each enqueued fault is used once, by the next request its {@link FaultTarget} matches;
 * a request takes the earliest-enqueued fault that matches it, and requests no fault
 * matches are served normally. Taking a fault is atomic, so under any number of
 * concurrent requests each fault is used by exactly one of them. Thread-safe.
 *
 * <p>
 * Some behaviours only show over many requests: a list whose pages never end, a server
 * that always answers with a redirect. {@link #always(FaultTarget, Fault)} makes a fault
 * standing: it is used on every request its target matches, and never used up, until
 * {@link #clear()}. A request takes a matching one-shot fault before any standing one, so
 * a test can still break one chosen request of a standing behaviour.
 *
 * <pre>{@code
 * try (FakeGrantexServer grantex = FakeGrantexServer.start()) {
 *     String apiKey = grantex.createDeveloper();
 *     String scimToken = grantex.createScimToken(apiKey, "okta-prod");
 *     // the first user creation is rate-limited, the second one's answer is lost; later ones succeed
 *     grantex.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"),
 *             Fault.rateLimited(Duration.ofSeconds(1)), Fault.processThenDrop());
 *
 *     // ... create "alice" with a retrying client pointed at grantex.baseUrl() ...
 *
 *     assertThat(grantex.faults().pending()).isZero();
 *     assertThat(grantex.requests()).extracting(RecordedRequest::fault)
 *             .startsWith("rateLimited(1s)", "processThenDrop");
 *     assertThat(grantex.users(apiKey)).extracting(FakeScimUser::userName).containsExactly("alice");
 * }
 * }</pre>
 */
public final class FaultScript {

	private final FaultQueue queue;

	FaultScript(FaultQueue queue) {
		this.queue = queue;
	}

	/**
	 * The next {@code faults.length} requests matching {@code target} get these faults,
	 * one each, in order; later ones are served normally (unless faults enqueued
	 * afterwards match them). Faults already waiting, for this target or another that
	 * matches the same requests, are used first.
	 * @param target which requests the faults apply to
	 * @param faults the faults, in the order the matching requests are to get them; none
	 * is allowed
	 * @return this script, for chaining
	 */
	public FaultScript enqueue(FaultTarget target, Fault... faults) {
		Objects.requireNonNull(target, "target");
		List<ScriptedFault> scripted = new ArrayList<>(faults.length);
		for (Fault fault : faults) {
			scripted.add(Objects.requireNonNull(fault, "fault").scripted());
		}
		this.queue.add(target.method(), target.pathPrefix(), scripted);
		return this;
	}

	/**
	 * Makes every request matching {@code target} get this fault, until {@link #clear()}:
	 * for what a test needs on every request rather than on the next one, such as
	 * {@link Fault#endlessList()} for a pager that must give up, or
	 * {@link Fault#redirect(int, java.net.URI)} for a client that must not follow. A
	 * request takes a matching one-shot fault ({@link #enqueue}) first, then the earliest
	 * standing fault that matches. Faults whose answers carry a request id or new user
	 * ids build them afresh for each request.
	 * @param target which requests the fault applies to
	 * @param fault the fault
	 * @return this script, for chaining
	 */
	public FaultScript always(FaultTarget target, Fault fault) {
		Objects.requireNonNull(target, "target");
		this.queue.addStanding(target.method(), target.pathPrefix(), Objects.requireNonNull(fault, "fault").scripted());
		return this;
	}

	/**
	 * Forgets every fault not used yet and every standing fault, so later requests are
	 * served normally.
	 */
	public void clear() {
		this.queue.clear();
	}

	/**
	 * The number of faults enqueued but not used yet, for asserting that a client made
	 * (at least) the attempts a test scripted. Standing faults ({@link #always}) are
	 * never used up and are not counted.
	 * @return zero or more
	 */
	public int pending() {
		return this.queue.pending();
	}

	/**
	 * The faults still waiting, for messages.
	 * @return e.g.
	 * {@code [POST /scim/v2/Users: processThenDrop, always GET /scim/v2/Users:
	 * endlessList(growing)]}
	 */
	@Override
	public String toString() {
		return this.queue.toString();
	}

}
