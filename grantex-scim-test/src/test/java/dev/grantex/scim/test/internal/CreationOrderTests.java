package dev.grantex.scim.test.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users' creation order, with access by position after any mix of additions and
 * removals, compactions included, exactly as a list that removes in place would give.
 */
class CreationOrderTests {

	private static UserRecord user(int number) {
		return new UserRecord("scimuser_" + number, number, Instant.EPOCH, "user-" + number, null, null, true, "[]");
	}

	@Test
	void rangesMatchAPlainListThroughThousandsOfRandomAdditionsAndRemovals() {
		CreationOrder order = new CreationOrder();
		List<UserRecord> expected = new ArrayList<>();
		Random random = new Random(17);
		int next = 0;
		for (int step = 0; step < 20_000; step++) {
			if (expected.isEmpty() || random.nextInt(100) < 55) {
				UserRecord user = user(next++);
				order.add(user);
				expected.add(user);
			}
			else {
				UserRecord removed = expected.remove(random.nextInt(expected.size()));
				order.remove(removed);
			}
			if (step % 97 == 0) {
				int offset = random.nextInt(expected.size() + 3);
				int limit = 1 + random.nextInt(250);
				List<UserRecord> slice = expected.subList(Math.min(offset, expected.size()),
						Math.min(offset + limit, expected.size()));
				assertThat(order.range(offset, limit)).as("step %d", step).containsExactlyElementsOf(slice);
			}
		}
		assertThat(order.size()).isEqualTo(expected.size());
		assertThat(order.all()).containsExactlyElementsOf(expected);
	}

	@Test
	void removingAlmostEveryUserKeepsTheRestInOrder() {
		CreationOrder order = new CreationOrder();
		List<UserRecord> users = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			users.add(user(i));
			order.add(users.get(i));
		}

		for (int i = 0; i < 10_000; i++) {
			if (i % 1000 != 999) {
				order.remove(users.get(i));
			}
		}

		assertThat(order.all()).extracting((user) -> user.id)
			.containsExactly("scimuser_999", "scimuser_1999", "scimuser_2999", "scimuser_3999", "scimuser_4999",
					"scimuser_5999", "scimuser_6999", "scimuser_7999", "scimuser_8999", "scimuser_9999");
		assertThat(order.range(9, 5)).extracting((user) -> user.id).containsExactly("scimuser_9999");
		assertThat(order.range(10, 5)).isEmpty();
		order.add(user(10_000));
		assertThat(order.range(10, 1)).extracting((user) -> user.id).containsExactly("scimuser_10000");
	}

	@Test
	void clearEmptiesTheOrderAndItFillsAgain() {
		CreationOrder order = new CreationOrder();
		for (int i = 0; i < 100; i++) {
			order.add(user(i));
		}

		order.clear();
		order.add(user(100));

		assertThat(order.size()).isEqualTo(1);
		assertThat(order.all()).extracting((user) -> user.id).containsExactly("scimuser_100");
		assertThat(order.range(0, 0)).isEmpty();
	}

}
