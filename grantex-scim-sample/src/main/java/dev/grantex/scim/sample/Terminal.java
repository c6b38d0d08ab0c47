package dev.grantex.scim.sample;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Whether the output goes to a terminal, where progress can be one line rewritten in
 * place; to a file or a pipe, a line per change reads better. An interface, so that the
 * command can be tested as if on a terminal.
 */
@FunctionalInterface
public interface Terminal {

	/**
	 * Whether the output is a terminal.
	 * @return {@code true} for a terminal
	 */
	boolean isTerminal();

	/**
	 * The standard streams: a terminal when the JVM has a console whose streams are not
	 * redirected. Up to Java 21, {@link System#console()} is {@code null} otherwise; from
	 * Java 22 it may be a console anyway, and {@code Console.isTerminal()} tells.
	 * @return the check
	 */
	static Terminal standardStreams() {
		return () -> {
			Console console = System.console();
			if (console == null) {
				return false;
			}
			try {
				Method isTerminal = Console.class.getMethod("isTerminal");
				return Boolean.TRUE.equals(isTerminal.invoke(console));
			}
			catch (NoSuchMethodException ex) {
				// Java 21 or older: a console means a terminal
				return true;
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				return false;
			}
		};
	}

}
