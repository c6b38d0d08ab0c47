package dev.grantex.scim.test.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A developer's users in creation order, with access by position in O(log n), so that a
 * page deep in a large list costs what the first page does (the real server's
 * {@code ORDER BY created_at OFFSET n} is an index scan; walking a linked list to the
 * offset made a sync of 100,000 users quadratic). Users are appended into slots; a
 * removed user leaves an empty slot, and a Fenwick tree over the slots counts the
 * occupied ones, which turns a position into a slot. Empty slots are compacted away once
 * they outnumber the users. Not thread-safe: the owning {@link DeveloperAccount}'s lock
 * guards it.
 */
final class CreationOrder {

	private static final int INITIAL_SLOTS = 16;

	/** The users by slot; an emptied slot holds {@code null}. */
	private UserRecord[] slots = new UserRecord[INITIAL_SLOTS];

	/** Fenwick tree over the slots, 1-based: each occupied slot counts 1. */
	private int[] counts = new int[INITIAL_SLOTS + 1];

	/** Slots handed out so far, occupied or emptied. */
	private int used;

	/** Occupied slots: the number of users. */
	private int size;

	/**
	 * Appends a user, the newest.
	 * @param user the user, which remembers its slot
	 */
	void add(UserRecord user) {
		if (this.used == this.slots.length) {
			rebuild((this.size * 2 > this.slots.length) ? this.slots.length * 2 : this.slots.length);
		}
		user.slot = this.used;
		this.slots[this.used] = user;
		increment(this.used, 1);
		this.used++;
		this.size++;
	}

	/**
	 * Removes a user, keeping the others in order.
	 * @param user a user held here
	 */
	// an empty slot holds null; the slots are not declared @Nullable UserRecord[],
	// which NullAway reads as a nullable field on JDKs before 22 and as nullable
	// elements from 22 on
	@SuppressWarnings("NullAway")
	void remove(UserRecord user) {
		this.slots[user.slot] = null;
		increment(user.slot, -1);
		this.size--;
		if (this.used - this.size > this.size && this.used > INITIAL_SLOTS) {
			rebuild(this.slots.length);
		}
	}

	/**
	 * The number of users.
	 * @return zero or more
	 */
	int size() {
		return this.size;
	}

	/**
	 * The users from a position on, oldest first.
	 * @param offset the position of the first, from 0
	 * @param limit the most users to return
	 * @return the users, fewer than {@code limit} (or none) near the end
	 */
	List<UserRecord> range(long offset, long limit) {
		if (offset >= this.size || limit <= 0) {
			return List.of();
		}
		int count = (int) Math.min(limit, this.size - offset);
		List<UserRecord> range = new ArrayList<>(count);
		int slot = slotOf((int) offset);
		while (range.size() < count) {
			UserRecord user = this.slots[slot++];
			if (user != null) {
				range.add(user);
			}
		}
		return range;
	}

	/**
	 * Every user, oldest first.
	 * @return the users
	 */
	List<UserRecord> all() {
		return range(0, this.size);
	}

	/** Empties every slot. */
	void clear() {
		this.slots = new UserRecord[INITIAL_SLOTS];
		this.counts = new int[INITIAL_SLOTS + 1];
		this.used = 0;
		this.size = 0;
	}

	/**
	 * The slot of the user at a position: the lowest slot whose occupied prefix holds
	 * {@code position + 1} users, found by descending the Fenwick tree.
	 * @param position the position, from 0, below {@link #size()}
	 * @return the slot
	 */
	private int slotOf(int position) {
		int remaining = position + 1;
		int index = 0;
		for (int step = Integer.highestOneBit(this.slots.length); step > 0; step >>= 1) {
			int next = index + step;
			if (next <= this.slots.length && this.counts[next] < remaining) {
				index = next;
				remaining -= this.counts[next];
			}
		}
		return index;
	}

	private void increment(int slot, int delta) {
		for (int i = slot + 1; i < this.counts.length; i += i & -i) {
			this.counts[i] += delta;
		}
	}

	/**
	 * Moves the users to the first slots of a table of the given capacity, dropping the
	 * empty slots, and rebuilds the tree in O(n).
	 * @param capacity the new number of slots, at least the number of users
	 */
	private void rebuild(int capacity) {
		UserRecord[] compacted = new UserRecord[Math.max(INITIAL_SLOTS, capacity)];
		int next = 0;
		for (int i = 0; i < this.used; i++) {
			UserRecord user = this.slots[i];
			if (user != null) {
				user.slot = next;
				compacted[next++] = user;
			}
		}
		int[] tree = new int[compacted.length + 1];
		for (int i = 1; i < tree.length; i++) {
			if (i <= next) {
				tree[i] += 1;
			}
			int parent = i + (i & -i);
			if (parent < tree.length) {
				tree[parent] += tree[i];
			}
		}
		this.slots = compacted;
		this.counts = tree;
		this.used = next;
	}

}
