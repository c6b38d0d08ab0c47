package dev.grantex.scim.sample;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link SyncPlan} as a plain-text table, one line per action; long user names
 * and external ids are cut short with {@code ...}, the details are shown whole.
 */
public final class PlanTable {

	private static final int MAX_WIDTH = 40;

	private static final String[] HEADERS = { "ACTION", "USER NAME", "EXTERNAL ID", "DETAILS" };

	private PlanTable() {
	}

	/**
	 * Renders the plan's actions.
	 * @param plan the plan
	 * @return the table, one line per action after a header line, each ending with a line
	 * separator; empty when the plan is
	 */
	public static String render(SyncPlan plan) {
		if (plan.isEmpty()) {
			return "";
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (SyncAction action : plan.actions()) {
			rows.add(new String[] { action.kind().verb(), cell(action.userName()), cell(action.externalId()),
					action.details() });
		}
		int[] widths = new int[HEADERS.length - 1];
		for (String[] row : rows) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder table = new StringBuilder();
		for (String[] row : rows) {
			table.append("  ");
			for (int i = 0; i < widths.length; i++) {
				table.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
			}
			table.append(row[widths.length].strip()).append(System.lineSeparator());
		}
		return table.toString();
	}

	private static String cell(@Nullable String value) {
		if (value == null) {
			return "-";
		}
		return (value.length() <= MAX_WIDTH) ? value : value.substring(0, MAX_WIDTH - 3) + "...";
	}

}
